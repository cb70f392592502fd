namespace ReportArchive.Output;

/// <summary>A stage's result that publishes files: every stage carries its own, so that the writer takes them from every stage.</summary>
public interface IPublishes
{
    IReadOnlyList<OutputFile> Files { get; }
}
