namespace ReportArchive.Routing;

/// <summary>What a report's addresses are made from: its year and its slug (a report of the archive is one).</summary>
public interface IRoutedReport
{
    int Year { get; }

    string Slug { get; }
}
