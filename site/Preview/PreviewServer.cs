using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Output;

namespace ReportArchive.Preview;

/// <summary>The <c>preview</c> server: builds the site in memory, serves it on 127.0.0.1 under the configured base path,
/// rebuilds when a file under input/ or theme/ changes, and tells open pages to reload (or shows them the problems).</summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private const string Endpoint = "__preview/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly BuildSettings _settings;
    private readonly BuildMemo _memo = new();
    private readonly TextWriter _log;
    private readonly List<Channel<string>> _clients = [];
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private WebApplication? _app;
    private Task? _loop;
    private volatile Dictionary<string, OutputFile> _files = [];
    private volatile Lazy<Dictionary<string, OutputFile>> _search = new(() => []);
    private volatile string? _problems;

    private PreviewServer(BuildSettings settings, string basePath, TextWriter log)
    {
        _settings = settings;
        BasePath = basePath;
        _log = log;
    }

    public string BasePath { get; }

    public string Url { get; private set; } = "";

    /// <summary>How many builds have finished, good or not (tests wait on it).</summary>
    public int Builds { get; private set; }

    /// <summary>Starts the server; throws <see cref="PreviewException"/> with a message for the reader when it cannot.</summary>
    public static async Task<PreviewServer> StartAsync(BuildSettings settings, int port, TextWriter log)
    {
        var diagnostics = new List<Diagnostic>();
        var config = SiteConfig.Load(Path.Combine(settings.Input, "site.yml"), null, diagnostics)
            ?? throw new PreviewException(string.Join("\n", diagnostics));
        var server = new PreviewServer(settings, config.BasePath, log);
        await server.ListenAsync(port);
        await server.RebuildAsync();
        server.Watch();
        return server;
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(Serve);
        try
        {
            await _app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new PreviewException($"port {port} on 127.0.0.1 is already in use: stop what uses it, or choose another with --port");
        }

        var address = _app.Urls.Single();
        Url = address.TrimEnd('/') + BasePath;
        _loop = Task.Run(RebuildLoopAsync);
    }

    private void Watch()
    {
        foreach (var folder in new[] { _settings.Input, _settings.Theme })
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Deleted += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
            _watchers.Add(watcher);
        }
    }

    private async Task RebuildLoopAsync()
    {
        var reader = _changes.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                await Task.Delay(30, _stop.Token); // an editor's save is several events: take them as one
                while (reader.TryRead(out _))
                {
                }

                await RebuildAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Builds in memory. A good build replaces the served site and reloads the pages; a failed one keeps the last good
    /// site and sends its problems to the pages and the terminal.</summary>
    private async Task RebuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var result = await SiteBuild.RunAsync(_settings with { BaseUrl = Url, InMemory = true, Memo = _memo, DeferSearch = true }, _stop.Token);
        Cli.Commands.Print(result.Diagnostics, _log);
        if (result.HasErrors)
        {
            _problems = JsonSerializer.Serialize(result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
            Send("problems", _problems);
            _log.WriteLine($"Preview: the content has errors; serving the last good build ({clock.ElapsedMilliseconds} ms)");
        }
        else
        {
            _files = result.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
            var source = result.DeferredSearch;
            _search = new(() => source?.Build().ToDictionary(f => f.Path, StringComparer.Ordinal) ?? []);
            _problems = null;
            Send("reload", Builds.ToString());
            _log.WriteLine($"Preview: built {result.Pages} pages in {clock.ElapsedMilliseconds} ms ({_memo.Hits} reused, {_memo.Misses} made anew) at {Url}");
        }

        Builds++;
    }

    private async Task Serve(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            context.Response.Redirect(BasePath);
            return;
        }

        var relative = path[BasePath.Length..];
        if (relative == Endpoint + "events")
        {
            await StreamEventsAsync(context);
            return;
        }

        if (relative == Endpoint + "live.js")
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.WriteAsync(LiveReload.Script);
            return;
        }

        var files = relative.StartsWith("search/", StringComparison.Ordinal) ? _search.Value : _files;
        var key = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        if (!files.TryGetValue(Uri.UnescapeDataString(key), out var file))
        {
            if (files.ContainsKey(key + "/index.html"))
            {
                context.Response.Redirect(path + "/");
                return;
            }

            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
            file = _files.GetValueOrDefault("404.html");
            key = "404.html";
            if (file is null)
            {
                return;
            }
        }

        ContentTypes.TryGetContentType(key, out var type);
        context.Response.Headers.CacheControl = "no-store";
        if (key.EndsWith(".html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var html = LiveReload.Inject(Encoding.UTF8.GetString(file.Bytes!), BasePath + Endpoint + "live.js", BasePath + Endpoint + "events");
            await context.Response.WriteAsync(html);
            return;
        }

        context.Response.ContentType = type ?? "application/octet-stream";
        await context.Response.Body.WriteAsync(file.Bytes ?? await File.ReadAllBytesAsync(file.SourceFile!));
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var channel = Channel.CreateUnbounded<string>();
        lock (_clients)
        {
            _clients.Add(channel);
        }

        try
        {
            await context.Response.WriteAsync(": connected\n\n");
            if (_problems is { } problems)
            {
                await context.Response.WriteAsync($"event: problems\ndata: {problems}\n\n");
            }

            await context.Response.Body.FlushAsync();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stop.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(message, stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_clients)
            {
                _clients.Remove(channel);
            }
        }
    }

    private void Send(string name, string data)
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite($"event: {name}\ndata: {data}\n\n");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _watchers.ForEach(w => w.Dispose());
        if (_loop is not null)
        {
            await _loop;
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _stop.Dispose();
    }
}

/// <summary>Why the preview could not start, in words for the reader.</summary>
public sealed class PreviewException(string message) : Exception(message);
