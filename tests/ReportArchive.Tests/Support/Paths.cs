using System.Reflection;

namespace ReportArchive.Tests.Support;

/// <summary>Where the repository's theme and the test fixtures are. Tests never read the live input/: its content changes with every
/// content commit; the seed report is frozen under Fixtures/seed/ instead.</summary>
public static class Paths
{
    public static string Repository { get; } = typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>A whole content folder (site.yml, taxonomy.yml and the seed report with its photos), frozen as it was published.</summary>
    public static string Seed => Fixture("seed");

    /// <summary>The seed report's bundle inside <see cref="Seed"/>.</summary>
    public static string SeedReport => Fixture("seed", "reports", "2023", "yanzhou-party-building");

    public static string Theme => Path.Combine(Repository, "theme");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);
}
