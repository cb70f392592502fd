using System.Collections.Concurrent;

namespace ReportArchive.Build;

/// <summary>Collects diagnostics from steps running in parallel and lists them in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> _items = [];

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _items.Add(d);
        }
    }

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic, sorted by file, line and code, so that output does not depend on thread timing.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
