using System.Collections.Immutable;

namespace ReportArchive.Pipeline;

/// <summary>One unit of work in a pipeline: immutable documents in, immutable documents out.</summary>
public interface IStep
{
    Task<ImmutableArray<object>> ExecuteAsync(ImmutableArray<object> inputs, StepContext context);
}
