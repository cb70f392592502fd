using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace ReportArchive.Preview;

/// <summary>The open pages' server-sent event streams: each gets every event sent after it connected, and the current problems
/// when it connects while the content is broken.</summary>
public sealed class LiveEvents
{
    private readonly List<Channel<string>> _clients = [];

    /// <summary>The problems of the last build as the <c>problems</c> event's data, or null after a good build.</summary>
    public string? Problems { get; set; }

    public void Send(string name, string data)
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite($"event: {name}\ndata: {data}\n\n");
            }
        }
    }

    /// <summary>Streams events to one page until it goes away or the server stops.</summary>
    public async Task StreamAsync(HttpContext context, CancellationToken stopping)
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
            if (Problems is { } problems)
            {
                await context.Response.WriteAsync($"event: problems\ndata: {problems}\n\n");
            }

            await context.Response.Body.FlushAsync();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
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
}
