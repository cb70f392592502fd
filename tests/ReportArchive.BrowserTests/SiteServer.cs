using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace ReportArchive.BrowserTests;

/// <summary>The frozen seed site of the unit tests (tests/ReportArchive.Tests/Fixtures/seed/, never the live input/, which changes with
/// every content commit), with, optionally, more input folders laid over it, built once and served over HTTP on
/// 127.0.0.1 under the sub-path /ReportArchive/, as GitHub Pages serves a project site: trailing-slash redirects, index.html
/// for folders, 404.html for what is missing, text compressed.</summary>
public sealed class SiteServer(params string[] extraInputs) : IAsyncLifetime
{
    public const string BasePath = "/ReportArchive/";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "reportarchive-browser", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string Origin { get; private set; } = "";

    public string Url(string sitePath) => Origin + BasePath + sitePath;

    public string Output => Path.Combine(_root, "site");

    public static string Repository { get; } = typeof(SiteServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The seed content folder that the browser tests build, unless they name another.</summary>
    public static string Seed => Path.Combine(Repository, "tests", "ReportArchive.Tests", "Fixtures", "seed");

    /// <summary>The site in three languages (zh-Hans original, en and zh-Hant translations).</summary>
    public static string Trilingual => Path.Combine(Repository, "tests", "ReportArchive.Tests", "Fixtures", "trilingual");

    /// <summary>The content folder the extra inputs are laid over.</summary>
    public string BaseInput { get; init; } = Seed;

    public async Task InitializeAsync()
    {
        var input = BaseInput;
        if (extraInputs.Length > 0)
        {
            var merged = Path.Combine(_root, "input");
            foreach (var folder in extraInputs.Prepend(input))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(merged, Path.GetRelativePath(folder, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target, overwrite: true);
                }
            }

            input = merged;
        }

        var result = await SiteBuild.RunAsync(new BuildSettings(
            input, Path.Combine(Repository, "theme"), Output, "https://example.github.io/ReportArchive/", Cache: Path.Combine(_root, "cache")));
        if (!result.Written)
        {
            throw new InvalidOperationException("the site did not build: " + string.Join("\n", result.Diagnostics));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // Text is sent compressed, as GitHub Pages sends it.
        builder.Services.AddResponseCompression(o => o.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "text/javascript", "image/svg+xml"]);
        _app = builder.Build();
        _app.UseResponseCompression();
        var files = new PhysicalFileProvider(Output);
        var path = new PathString(BasePath.TrimEnd('/'));
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = path });
        _app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = path, ServeUnknownFileTypes = true });
        _app.Run(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(Path.Combine(Output, "404.html"));
        });
        await _app.StartAsync();
        Origin = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
