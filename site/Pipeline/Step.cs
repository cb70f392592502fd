using System.Collections.Immutable;

namespace ReportArchive.Pipeline;

/// <summary>Ready-made steps: the common shapes of work, so that pipelines are written as lists of plain functions.</summary>
public static class Step
{
    /// <summary>A step that ignores its inputs and produces documents (a pipeline's first step, usually).</summary>
    public static IStep Read(Func<StepContext, IEnumerable<object>> read) => new FuncStep((_, ctx) => [.. read(ctx)]);

    /// <summary>A step over the whole list at once (for work that needs to see every document, such as cross-checks).</summary>
    public static IStep All(Func<ImmutableArray<object>, StepContext, IEnumerable<object>> run) =>
        new FuncStep((inputs, ctx) => [.. run(inputs, ctx)]);

    /// <summary>A step applied to each document of type <typeparamref name="T"/> in parallel, bounded by the core count;
    /// documents of other types pass through. Output order follows input order.</summary>
    public static IStep ForEach<T>(Func<T, StepContext, IEnumerable<object>> run) => new ForEachStep<T>(run);

    private sealed class FuncStep(Func<ImmutableArray<object>, StepContext, ImmutableArray<object>> run) : IStep
    {
        public Task<ImmutableArray<object>> ExecuteAsync(ImmutableArray<object> inputs, StepContext context) =>
            Task.FromResult(run(inputs, context));
    }

    private sealed class ForEachStep<T>(Func<T, StepContext, IEnumerable<object>> run) : IStep
    {
        public async Task<ImmutableArray<object>> ExecuteAsync(ImmutableArray<object> inputs, StepContext context)
        {
            var results = new IReadOnlyList<object>[inputs.Length];
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = context.Cancellation };
            await Parallel.ForAsync(0, inputs.Length, options, (i, _) =>
            {
                results[i] = inputs[i] is T doc ? [.. run(doc, context)] : [inputs[i]];
                return ValueTask.CompletedTask;
            });
            return [.. results.SelectMany(r => r)];
        }
    }
}
