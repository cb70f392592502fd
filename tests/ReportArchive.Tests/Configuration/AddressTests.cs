using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Configuration;

/// <summary>What ends up in every published address: the site's base URL (scheme, host, port and path, nothing else) and the names
/// that become folders of the site (short enough for any file system).</summary>
public class AddressTests
{
    [Theory]
    [InlineData("https://user:secret@example.org/archive/", "user name or password")]
    [InlineData("https://user@example.org/archive/", "user name or password")]
    [InlineData("https://example.org/archive/?utm=x", "has a query")]
    [InlineData("https://example.org/archive/#top", "has a fragment")]
    [InlineData("ftp://example.org/archive/", "is not an absolute http(s) URL")]
    [InlineData("javascript:alert(1)", "is not an absolute http(s) URL")]
    public async Task A_base_url_with_more_than_scheme_host_port_and_path_is_refused_at_its_line(string url, string why)
    {
        using var site = new TestSite("valid", "small");
        var config = Path.Combine(site.Input, "site.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("base_url: https://example.org/archive/", $"base_url: \"{url}\""));

        var result = await site.BuildAsync();

        var error = DiagnosticAssert.Single(result, "RA104");
        Assert.EndsWith("site.yml", error.File);
        Assert.Equal(File.ReadAllLines(config).ToList().FindIndex(l => l.StartsWith("base_url:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains(why, error.Message);
        Assert.False(result.Written);
    }

    [Fact]
    public async Task A_base_url_with_a_port_and_a_path_builds()
    {
        using var site = new TestSite("valid", "small");

        var result = await site.BuildAsync("http://localhost:8000/some/path/");

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        Assert.Contains("http://localhost:8000/some/path/en/", site.Read("sitemap.xml"));
    }

    [Fact]
    public async Task A_slug_too_long_for_a_folder_is_a_located_error_not_a_failure_of_the_disk()
    {
        using var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 测试报道\ndate: 2023-05-04\nslug: {new string('a', 300)}\n---\n\n导语。\n");

        var result = await site.BuildAsync();

        var error = DiagnosticAssert.Single(result, "RA114");
        Assert.Equal(4, error.Line);
        Assert.Contains($"at most {Slugs.MaxLength} characters", error.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RA900");
        Assert.False(result.Written);
    }

    [Fact]
    public void A_slug_of_the_longest_length_is_valid_and_one_more_is_not()
    {
        Assert.True(Slugs.IsValid(new string('a', Slugs.MaxLength)));
        Assert.False(Slugs.IsValid(new string('a', Slugs.MaxLength + 1)));
    }

    [Fact]
    public void A_photo_name_too_long_for_its_published_copies_is_refused()
    {
        Assert.Null(PhotoPaths.Problem($"photos/{new string('p', PhotoPaths.MaxNameLength - 4)}.jpg"));
        Assert.Contains($"at most {PhotoPaths.MaxNameLength} characters", PhotoPaths.Problem($"photos/{new string('p', 240)}.jpg"));
    }
}
