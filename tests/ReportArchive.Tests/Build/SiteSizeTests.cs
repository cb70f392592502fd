using ReportArchive.Output;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>A build says what the site weighs and how much of that is photos; a check says it before anything is made on disk;
/// a site over the limit (GitHub Pages' 1 GB) is an error and nothing is written, and from 80 % of it a warning.</summary>
public class SiteSizeTests
{
    [Fact]
    public async Task The_build_says_what_the_written_site_weighs_and_a_check_says_the_same_once_the_photos_are_encoded()
    {
        using var site = PhotoSite.WithPhotos(("a.jpg", PhotoSite.Quadrants(2000, 1500)), ("b.jpg", PhotoSite.Quadrants(1200, 900)));

        var before = await site.CheckAsync();
        var built = await site.BuildAsync();
        var after = await site.CheckAsync();

        var onDisk = SiteSize.Measure(site.Output);
        Assert.Equal(onDisk.Bytes, built.Size!.Bytes);
        Assert.Equal(onDisk.PhotoBytes, built.Size.PhotoBytes);
        Assert.Equal(onDisk.SearchBytes, built.Size.SearchBytes);
        Assert.Equal(onDisk.Files, built.Size.Files);
        Assert.True(onDisk.PhotoBytes > 0 && onDisk.SearchBytes > 0);
        // Once the cache holds the photos, a check knows the site to the byte; before, it estimated the photos from their pixels.
        Assert.Equal(onDisk.Bytes, after.Size!.Bytes);
        Assert.Equal(onDisk.Bytes - onDisk.PhotoBytes, before.Size!.Bytes - before.Size.PhotoBytes);
        Assert.True(before.Size.PhotoBytes > 0); // how close the estimate comes on real photos, the photo benchmark prints
    }

    [Fact]
    public async Task A_site_over_the_limit_is_an_error_in_check_and_build_and_nothing_is_written()
    {
        using var site = PhotoSite.WithPhotos(("a.jpg", PhotoSite.Quadrants(2000, 1500)));
        var size = (await site.BuildAsync()).Size!.Bytes;
        var before = Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Length;
        File.AppendAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md"), "\n新的一段。\n");
        var limited = site.Settings() with { SizeLimit = size / 2 };

        var check = await SiteBuild.RunAsync(limited with { Check = true });
        var build = await SiteBuild.RunAsync(limited);

        foreach (var result in new[] { check, build })
        {
            var error = Assert.Single(result.Diagnostics, d => d.Code == "RA510");
            Assert.Contains("and would not deploy: photos are", error.Message);
            Assert.Contains("or publish it on a host that takes more (build --size-limit MB, 0 for none)", error.Message);
        }

        Assert.False(build.Written);
        Assert.DoesNotContain("新的一段", File.ReadAllText(Path.Combine(site.Output, "zh", "reports", "2023", "report-a", "index.html")));
        Assert.Equal(before, Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task From_eighty_percent_of_the_limit_the_build_warns_and_still_writes()
    {
        using var site = PhotoSite.WithPhotos(("a.jpg", PhotoSite.Quadrants(1200, 900)));
        var size = (await site.BuildAsync()).Size!.Bytes;

        var result = await SiteBuild.RunAsync(site.Settings() with { SizeLimit = (long)(size / 0.9) });

        Assert.True(result.Written);
        Assert.Contains("90 % of the", Assert.Single(result.Diagnostics, d => d.Code == "RA511").Message);
    }
}
