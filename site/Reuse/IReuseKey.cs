namespace ReportArchive.Reuse;

/// <summary>The key of a result a build may reuse: a record holding, by value, every input its result is made from, and bound to
/// the type of that result. A result is made from its key alone (see <see cref="ReuseStore.Reuse{TKey, TValue}"/>), so an input
/// the key does not hold cannot reach the result: adding one to a page means adding it to the page's key.</summary>
/// <typeparam name="TValue">What is made from the key.</typeparam>
public interface IReuseKey<TValue>
    where TValue : notnull
{
    /// <summary>The key as text that names its inputs across builds and processes (files' stamps, fingerprints), for a result kept
    /// on disk; null when an input is known only in this process (a report whose files are not settled yet).</summary>
    string? Digest { get; }
}
