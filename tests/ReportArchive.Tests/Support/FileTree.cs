using System.Security.Cryptography;

namespace ReportArchive.Tests.Support;

/// <summary>A folder's files as tests compare them: each path below the folder with a hash of its bytes.</summary>
public static class FileTree
{
    public static SortedDictionary<string, string> Hashes(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>The site <paramref name="settings"/> make, built into a new, empty folder with a new cache.</summary>
    public static async Task<SortedDictionary<string, string>> BuiltFresh(BuildSettings settings)
    {
        using var elsewhere = new TempDirectory();
        var result = await SiteBuild.RunAsync(settings with { Output = elsewhere["site"], Cache = elsewhere["cache"] });
        Assert.True(result.Written);
        return Hashes(elsewhere["site"]);
    }

    /// <summary>Gives every file below <paramref name="folder"/> the time <paramref name="time"/>.</summary>
    public static void SetTimes(string folder, DateTime time)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, time);
        }
    }

    /// <summary>Makes every file below <paramref name="folder"/> last changed an hour ago: long enough for its time to be trusted
    /// (see <c>FileTimes.Settle</c>).</summary>
    public static void Settle(string folder) => SetTimes(folder, DateTime.UtcNow.AddHours(-1));
}
