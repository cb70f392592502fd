using System.Reflection;

namespace ReportArchive.Tests.Support;

/// <summary>Where the repository's content and theme, and the test fixtures, are.</summary>
public static class Paths
{
    public static string Repository { get; } = typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Input => Path.Combine(Repository, "input");

    public static string Theme => Path.Combine(Repository, "theme");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);
}
