using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace ReportArchive.Benchmarks;

/// <summary>A built site served on 127.0.0.1 under /ReportArchive/ as GitHub Pages serves it: text types gzipped once and then
/// served from memory, as a CDN does, so that compression is not timed with each request; counting the bytes each response
/// puts on the wire.</summary>
public sealed class CountingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, long Bytes)> _log = new();

    private CountingServer(WebApplication app) => _app = app;

    public string Origin { get; private set; } = "";

    public static async Task<CountingServer> StartAsync(string site)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new CountingServer(app);
        app.Use(async (context, next) =>
        {
            var counting = new CountingStream(context.Response.Body);
            context.Response.Body = counting;
            await next();
            server._log.Enqueue((context.Request.Path.Value ?? "", counting.Count));
        });
        var gzipped = new ConcurrentDictionary<string, byte[]>(Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".json" or ".js" or ".css" or ".html").AsParallel().Select(f => KeyValuePair.Create(f, Gzip(f))));
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            var file = path.StartsWith("/ReportArchive/", StringComparison.Ordinal) ? Path.Combine(site, path["/ReportArchive/".Length..]) : "";
            file = file.EndsWith('/') ? file + "index.html" : file; // a folder's address serves its index.html
            var type = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".json" => "application/json",
                ".js" => "text/javascript",
                ".css" => "text/css",
                _ => null,
            };
            if (type is null || !File.Exists(file) || !context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal))
            {
                await next();
                return;
            }

            var bytes = gzipped.GetOrAdd(file, Gzip);
            context.Response.ContentType = type;
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });
        var files = new PhysicalFileProvider(site);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "/ReportArchive" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = "/ReportArchive", ServeUnknownFileTypes = true });
        await app.StartAsync();
        server.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return server;
    }

    private static byte[] Gzip(string file)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(File.ReadAllBytes(file));
        }

        return buffer.ToArray();
    }

    /// <summary>The responses since the last call, then forgets them.</summary>
    public List<(string Path, long Bytes)> Take()
    {
        var taken = new List<(string, long)>();
        while (_log.TryDequeue(out var entry))
        {
            taken.Add(entry);
        }

        return taken;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count += count;
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
