namespace ReportArchive.Output;

/// <summary>Where rendered files go as they are made: kept in memory (the preview, <c>check</c>, tests), or written at once into
/// the staging folder that <see cref="SiteWriter"/> swaps in at the end, so that a large site is never held in memory whole.</summary>
public sealed class OutputSink
{
    private readonly string? _staging;

    private OutputSink(string? staging) => _staging = staging;

    public static OutputSink InMemory { get; } = new(null);

    public static OutputSink Staging(string folder) => new(folder);

    public OutputFile Text(string path, string text) => Bytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    public OutputFile Bytes(string path, byte[] bytes)
    {
        if (_staging is null)
        {
            return new OutputFile(path, bytes);
        }

        var target = Path.Combine(_staging, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return new OutputFile(path, null, target) { Staged = true };
    }
}
