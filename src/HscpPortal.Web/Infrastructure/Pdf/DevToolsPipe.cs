using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HscpPortal.Web.Infrastructure.Pdf;

/// <summary>
/// The Chrome DevTools protocol over --remote-debugging-pipe: JSON messages, each ended by a NUL byte,
/// written to the browser's fd 3 and read from its fd 4. A pipe rather than a port, so that no other local
/// process can take control of the browser while it prints.
/// </summary>
internal sealed class DevToolsPipe : IAsyncDisposable
{
    private readonly Stream toBrowser;
    private readonly Stream fromBrowser;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly ConcurrentDictionary<(string Method, string? SessionId), TaskCompletionSource<JsonElement>> awaitedEvents = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly Task reader;
    private int lastId;
    private volatile string? closedBecause;

    public DevToolsPipe(Stream toBrowser, Stream fromBrowser)
    {
        this.toBrowser = toBrowser;
        this.fromBrowser = fromBrowser;
        reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Sends a command and returns its result; a protocol error becomes a <see cref="PdfPrintException"/>.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        FailIfClosed(answer);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await writeLock.WaitAsync(ct);
        try
        {
            await toBrowser.WriteAsync(bytes, ct);
            toBrowser.WriteByte(0);
            await toBrowser.FlushAsync(ct);
        }
        catch (IOException e)
        {
            throw new PdfPrintException($"Chromium closed its DevTools pipe before {method}.", e);
        }
        finally
        {
            writeLock.Release();
        }

        try
        {
            return await answer.Task.WaitAsync(ct);
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    /// <summary>Starts listening for an event; call it before the command that causes the event.</summary>
    public Task<JsonElement> ListenFor(string method, string? sessionId)
    {
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        awaitedEvents[(method, sessionId)] = heard;
        FailIfClosed(heard);
        return heard.Task;
    }

    private void FailIfClosed(TaskCompletionSource<JsonElement> waiter)
    {
        if (closedBecause is { } reason)
        {
            waiter.TrySetException(new PdfPrintException(reason));
        }
    }

    private async Task ReadLoopAsync()
    {
        var message = new ArrayBufferWriter<byte>();
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await fromBrowser.ReadAsync(buffer, stop.Token);
                if (read == 0)
                {
                    break;
                }

                var chunk = buffer.AsSpan(0, read);
                int end;
                while ((end = chunk.IndexOf((byte)0)) >= 0)
                {
                    message.Write(chunk[..end]);
                    Dispatch(message.WrittenMemory);
                    message.ResetWrittenCount();
                    chunk = chunk[(end + 1)..];
                }

                message.Write(chunk);
            }

            Close("Chromium exited before it finished printing.");
        }
        catch (OperationCanceledException)
        {
            Close("The DevTools connection was closed.");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            Close($"The DevTools connection failed: {e.Message}");
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && pending.TryGetValue(idElement.GetInt32(), out var answer))
        {
            if (root.TryGetProperty("error", out var error))
            {
                var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.ToString();
                answer.TrySetException(new PdfPrintException($"Chromium refused a DevTools command: {text}"));
            }
            else
            {
                answer.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }
        }
        else if (root.TryGetProperty("method", out var method))
        {
            var sessionId = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
            if (awaitedEvents.TryRemove((method.GetString()!, sessionId), out var heard))
            {
                heard.TrySetResult(root.TryGetProperty("params", out var p) ? p.Clone() : default);
            }
        }
    }

    private void Close(string reason)
    {
        closedBecause = reason;
        foreach (var waiter in pending.Values.Concat(awaitedEvents.Values))
        {
            waiter.TrySetException(new PdfPrintException(reason));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reader.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            // The read is stuck in a pipe the killed browser no longer writes to; the process teardown closes it.
        }

        stop.Dispose();
        writeLock.Dispose();
    }
}
