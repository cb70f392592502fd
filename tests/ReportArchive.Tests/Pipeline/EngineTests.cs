using System.Collections.Concurrent;
using ReportArchive.Pipeline;
using PipelineDef = ReportArchive.Pipeline.Pipeline;

namespace ReportArchive.Tests.Pipeline;

/// <summary>The engine runs pipelines after what they depend on, independent ones at once, and keeps documents in order.</summary>
public class EngineTests
{
    [Fact]
    public async Task A_pipeline_sees_the_output_of_its_dependencies()
    {
        var engine = new Engine(
        [
            PipelineDef.Create("Numbers", [], Step.Read(_ => Enumerable.Range(1, 5).Cast<object>())),
            PipelineDef.Create("Squares", ["Numbers"], Step.Read(ctx => ctx.From<int>("Numbers").Select(n => (object)(n * n)))),
        ]);

        var outputs = await engine.RunAsync();

        Assert.Equal([1, 4, 9, 16, 25], outputs["Squares"].Cast<int>());
    }

    [Fact]
    public async Task Independent_pipelines_run_at_the_same_time()
    {
        var bothStarted = new CountdownEvent(2);
        IStep Wait() => Step.Read(_ =>
        {
            bothStarted.Signal();
            return bothStarted.Wait(TimeSpan.FromSeconds(10)) ? ["met"] : ["alone"];
        });
        var engine = new Engine([PipelineDef.Create("A", [], Wait()), PipelineDef.Create("B", [], Wait())]);

        var outputs = await engine.RunAsync();

        Assert.Equal("met", outputs["A"].Single());
        Assert.Equal("met", outputs["B"].Single());
    }

    [Fact]
    public async Task A_pipeline_runs_only_after_every_dependency_has_finished()
    {
        var log = new ConcurrentQueue<string>();
        IStep Record(string name) => Step.Read(_ =>
        {
            Thread.Sleep(name == "Slow" ? 200 : 0);
            log.Enqueue(name);
            return [];
        });
        var engine = new Engine(
        [
            PipelineDef.Create("Last", ["Slow", "Fast"], Record("Last")),
            PipelineDef.Create("Slow", [], Record("Slow")),
            PipelineDef.Create("Fast", [], Record("Fast")),
        ]);

        await engine.RunAsync();

        Assert.Equal("Last", log.Last());
        Assert.Equal(3, log.Count);
    }

    [Fact]
    public async Task ForEach_runs_in_parallel_and_keeps_the_input_order()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        var engine = new Engine(
        [
            PipelineDef.Create("Work", [],
                Step.Read(_ => Enumerable.Range(0, 200).Cast<object>()),
                Step.ForEach<int>((n, _) =>
                {
                    threads[Environment.CurrentManagedThreadId] = true;
                    Thread.SpinWait((200 - n) * 2000);
                    return [$"doc-{n}"];
                })),
        ]);

        var outputs = await engine.RunAsync();

        Assert.Equal(Enumerable.Range(0, 200).Select(n => $"doc-{n}"), outputs["Work"].Cast<string>());
        if (Environment.ProcessorCount > 1)
        {
            Assert.True(threads.Count > 1, "ForEach used a single thread");
        }
    }

    [Fact]
    public async Task Diagnostics_come_out_sorted_whatever_the_thread_timing()
    {
        var engine = new Engine(
        [
            PipelineDef.Create("Check", [],
                Step.Read(_ => Enumerable.Range(1, 50).Cast<object>()),
                Step.ForEach<int>((n, ctx) =>
                {
                    ctx.Report(Diagnostic.Warning("RA999", $"file-{n % 3}.md", 51 - n, "problem"));
                    return [];
                })),
        ]);

        await engine.RunAsync();
        var sorted = engine.Diagnostics.Sorted();

        Assert.Equal(50, sorted.Count);
        Assert.Equal(sorted.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line), sorted);
        Assert.False(engine.Diagnostics.HasErrors);
    }

    [Fact]
    public async Task A_dependency_cycle_is_refused_with_its_name()
    {
        var engine = new Engine([PipelineDef.Create("A", ["B"]), PipelineDef.Create("B", ["A"])]);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync());
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public async Task Reading_a_pipeline_that_is_not_a_dependency_is_refused()
    {
        var engine = new Engine(
        [
            PipelineDef.Create("A", [], Step.Read(_ => [1])),
            PipelineDef.Create("B", [], Step.Read(ctx => ctx.From<int>("A").Cast<object>())),
        ]);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(["B"]));
        Assert.Contains("does not depend on it", error.Message);
    }
}
