using System.Collections.Immutable;

namespace ReportArchive.Pipeline;

/// <summary>A named list of steps that runs after the pipelines it depends on; its output is the last step's documents.</summary>
public sealed record Pipeline(string Name, ImmutableArray<string> DependsOn, ImmutableArray<IStep> Steps)
{
    public static Pipeline Create(string name, string[] dependsOn, params IStep[] steps) => new(name, [.. dependsOn], [.. steps]);
}
