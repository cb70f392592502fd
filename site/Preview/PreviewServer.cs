using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Reuse;

namespace ReportArchive.Preview;

/// <summary>The <c>preview</c> server: builds the site in memory, serves it on 127.0.0.1 under the configured base path,
/// rebuilds when its change source reports a change (by default, any file under input/ or theme/), and tells open pages to
/// reload (or shows them the problems).</summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private const string Endpoint = "__preview/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly BuildSettings _settings;
    private readonly ReuseStore _memo = new();
    private readonly TextWriter _log;
    private readonly LiveEvents _events = new();
    private readonly IChangeSource _changes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Debouncer _debouncer;
    private WebApplication? _app;
    private volatile ServedSite _site = ServedSite.Empty;

    private PreviewServer(BuildSettings settings, string basePath, TextWriter log, IChangeSource changes)
    {
        _settings = settings;
        BasePath = basePath;
        _log = log;
        _changes = changes;
        _debouncer = new Debouncer(TimeSpan.FromMilliseconds(30), RebuildAsync);
    }

    public string BasePath { get; }

    public string Url { get; private set; } = "";

    /// <summary>How many builds have finished, good or not (tests wait on it).</summary>
    public int Builds { get; private set; }

    /// <summary>Starts the server; throws <see cref="PreviewException"/> with a message for the reader when it cannot.
    /// Without <paramref name="changes"/>, it watches the input and theme folders.</summary>
    public static async Task<PreviewServer> StartAsync(BuildSettings settings, int port, TextWriter log, IChangeSource? changes = null)
    {
        var diagnostics = new List<Diagnostic>();
        var config = SiteConfig.Load(Path.Combine(settings.Input, "site.yml"), null, diagnostics)
            ?? throw new PreviewException(string.Join("\n", diagnostics));
        var server = new PreviewServer(settings, Routing.Routes.Of(config).BasePath, log, changes ?? new FolderWatcher(settings.Input, settings.Theme));
        await server.ListenAsync(port);
        // Watching starts before the first build, so that no change goes unseen; a change during that build makes the next.
        server._memo.Changes.Watch();
        server._changes.Start(path =>
        {
            server._memo.Changes.Changed(path);
            server._debouncer.Signal();
        });
        await server.RebuildAsync();
        return server;
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(ServeAsync);
        try
        {
            await _app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new PreviewException($"port {port} on 127.0.0.1 is already in use: stop what uses it, or choose another with --port");
        }

        Url = _app.Urls.Single().TrimEnd('/') + BasePath;
    }

    /// <summary>Whether the request names this machine, in its Host header and, for a request in absolute form
    /// (<c>GET http://host/…</c>), in its target too, with the server's port or none.</summary>
    private static bool IsLocal(HttpContext context)
    {
        static bool Local(string host, int? port, int serverPort) =>
            host.ToLowerInvariant() is "127.0.0.1" or "localhost" or "[::1]" && (port is null || port == serverPort);

        var serverPort = context.Connection.LocalPort;
        if (context.Request.Host is not { HasValue: true } host || !Local(host.Host, host.Port, serverPort))
        {
            return false;
        }

        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "/";
        if (target.StartsWith('/'))
        {
            return true;
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var absolute)
            && Local(absolute.HostNameType == UriHostNameType.IPv6 ? $"[{absolute.Host.Trim('[', ']')}]" : absolute.Host, absolute.IsDefaultPort ? null : absolute.Port, serverPort);
    }

    /// <summary>Builds in memory. A good build replaces the served site and reloads the pages; a failed one keeps the last good
    /// site and sends its problems to the pages and the terminal.</summary>
    private async Task RebuildAsync()
    {
        await _building.WaitAsync();
        try
        {
            await RebuildOnceAsync();
        }
        finally
        {
            _building.Release();
        }
    }

    // The first build runs while the watcher already reports: a change then starts the next build, which waits for the first.
    private readonly SemaphoreSlim _building = new(1, 1);

    private async Task RebuildOnceAsync()
    {
        var clock = Stopwatch.StartNew();
        var result = await SiteBuild.RunAsync(_settings with { BaseUrl = Url, InMemory = true, Memo = _memo, DeferSearch = true }, _stop.Token);
        DiagnosticPrinter.Print(result.Diagnostics, _log);
        if (result.HasErrors)
        {
            _events.Problems = JsonSerializer.Serialize(result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray(), Output.JsonTypes.Default.StringArray);
            _events.Send("problems", _events.Problems);
            _log.WriteLine($"Preview: the content has errors; serving the last good build ({clock.ElapsedMilliseconds} ms)");
        }
        else
        {
            _site = new ServedSite(result.Files, result.DeferredSearch);
            _events.Problems = null;
            _events.Send("reload", Builds.ToString());
            _log.WriteLine($"Preview: built {result.Pages} pages in {clock.ElapsedMilliseconds} ms ({_memo.Hits} reused, {_memo.Misses} made anew) at {Url}");
        }

        Builds++;
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (!IsLocal(context))
        {
            // A page of another site that makes its name resolve to 127.0.0.1 (DNS rebinding) would read the preview as its own:
            // only the names of this machine are answered.
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync("this preview answers only http://127.0.0.1, http://localhost and http://[::1] on its port\n");
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            context.Response.Redirect(BasePath);
            return;
        }

        var relative = path[BasePath.Length..];
        if (relative == Endpoint + "events")
        {
            await _events.StreamAsync(context, _stop.Token);
            return;
        }

        if (relative == Endpoint + "live.js")
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(LiveReload.Script);
            return;
        }

        await ServeFileAsync(context, path, relative);
    }

    /// <summary>Serves a file of the site as built (a page with the live-reload script in it), or a redirect to a folder's
    /// address, or the site's 404 page.</summary>
    private async Task ServeFileAsync(HttpContext context, string path, string relative)
    {
        var site = _site;
        var (file, key) = site.Find(relative);
        if (file is null)
        {
            if (site.IsFolder(key))
            {
                context.Response.Redirect(path + "/");
                return;
            }

            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
            (file, key) = (site.NotFoundPage, "404.html");
            if (file is null)
            {
                return;
            }
        }

        context.Response.Headers.CacheControl = "no-store";
        if (key.EndsWith(".html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var html = LiveReload.Inject(Encoding.UTF8.GetString(file.Bytes!), BasePath + Endpoint + "live.js", BasePath + Endpoint + "events");
            await context.Response.WriteAsync(html);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(key, out var type) ? type : "application/octet-stream";
        await context.Response.Body.WriteAsync(file.Bytes ?? await File.ReadAllBytesAsync(file.SourceFile!));
    }

    public async ValueTask DisposeAsync()
    {
        _changes.Dispose();
        await _stop.CancelAsync();
        await _debouncer.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _stop.Dispose();
        _building.Dispose();
    }
}

/// <summary>Why the preview could not start, in words for the reader.</summary>
public sealed class PreviewException(string message) : Exception(message);
