using System.Collections.Immutable;

namespace ReportArchive.Pipeline;

/// <summary>Runs pipelines in dependency order, independent ones at the same time, and keeps each pipeline's output.</summary>
public sealed class Engine(IReadOnlyList<Pipeline> pipelines)
{
    public DiagnosticBag Diagnostics { get; } = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PipelineTiming> _timings = new();

    /// <summary>When each pipeline that ran started and ended, from the start of <see cref="RunAsync"/>, in the order they ended.</summary>
    public IReadOnlyList<PipelineTiming> Timings => [.. _timings.Values.OrderBy(t => t.End)];

    /// <summary>Runs every pipeline (or only <paramref name="targets"/> and what they depend on) and returns each one's output.
    /// A pipeline whose dependencies reported errors still runs, so that one build lists every problem at once.</summary>
    public async Task<IReadOnlyDictionary<string, ImmutableArray<object>>> RunAsync(
        IEnumerable<string>? targets = null, CancellationToken cancellation = default)
    {
        var byName = pipelines.ToDictionary(p => p.Name);
        var selected = Closure(targets ?? byName.Keys, byName);
        var tasks = new Dictionary<string, Task<ImmutableArray<object>>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Task<ImmutableArray<object>> Start(string name)
        {
            if (tasks.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var pipeline = byName[name];
            var dependencies = pipeline.DependsOn.Select(d => (Name: d, Task: Start(d))).ToArray();
            var task = Task.Run(async () =>
            {
                var outputs = new Dictionary<string, ImmutableArray<object>>();
                foreach (var (depName, depTask) in dependencies)
                {
                    outputs[depName] = await depTask;
                }

                var context = new StepContext(name, outputs, Diagnostics, cancellation);
                var start = clock.Elapsed;
                var documents = ImmutableArray<object>.Empty;
                foreach (var step in pipeline.Steps)
                {
                    documents = await step.ExecuteAsync(documents, context);
                }

                _timings[name] = new PipelineTiming(name, start, clock.Elapsed);
                return documents;
            }, cancellation);
            tasks[name] = task;
            return task;
        }

        foreach (var name in selected)
        {
            _ = Start(name);
        }

        await Task.WhenAll(tasks.Values);
        return tasks.ToDictionary(t => t.Key, t => t.Value.Result);
    }

    private static List<string> Closure(IEnumerable<string> targets, Dictionary<string, Pipeline> byName)
    {
        var order = new List<string>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done

        void Visit(string name, string from)
        {
            if (!byName.TryGetValue(name, out var p))
            {
                throw new InvalidOperationException($"Pipeline '{from}' depends on unknown pipeline '{name}'.");
            }

            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"Pipelines depend on each other in a cycle through '{name}'.");
                }

                return;
            }

            state[name] = false;
            foreach (var d in p.DependsOn)
            {
                Visit(d, name);
            }

            state[name] = true;
            order.Add(name);
        }

        foreach (var t in targets)
        {
            Visit(t, "(build)");
        }

        return order;
    }
}

/// <summary>When a pipeline ran, measured from the start of the engine's run.</summary>
public sealed record PipelineTiming(string Name, TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;
}
