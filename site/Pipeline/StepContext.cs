using System.Collections.Immutable;

namespace ReportArchive.Pipeline;

/// <summary>What a step may see: the outputs of the pipelines its own pipeline depends on, the diagnostics sink, and shared services.</summary>
public sealed class StepContext(
    string pipeline,
    IReadOnlyDictionary<string, ImmutableArray<object>> dependencyOutputs,
    DiagnosticBag diagnostics,
    CancellationToken cancellation)
{
    public string Pipeline { get; } = pipeline;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The documents of type <typeparamref name="T"/> produced by a pipeline this one depends on.</summary>
    public ImmutableArray<T> From<T>(string pipelineName) =>
        dependencyOutputs.TryGetValue(pipelineName, out var docs)
            ? [.. docs.OfType<T>()]
            : throw new InvalidOperationException($"Pipeline '{Pipeline}' reads '{pipelineName}' but does not depend on it.");

    public void Report(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);
}
