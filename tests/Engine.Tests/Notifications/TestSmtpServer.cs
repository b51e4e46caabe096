using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Cerebellum.Engine.Tests.Notifications;

/// <summary>A real SMTP server (the SmtpServer package) on a local port, keeping what it receives. It can be
/// stopped and started again on the same port, to play a mail server that is down for a while.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public TestSmtpServer(int port) => Port = port;

    public int Port { get; }
    public IReadOnlyCollection<MimeMessage> Received => received;

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(received));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (server is null) return;
        server.Shutdown();
        await server.ShutdownTask;
        await running!;
        server = null;
    }

    /// <summary>The first message received that matches, waiting for it up to the timeout.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (received.FirstOrDefault(match) is { } message) return message;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching mail arrived on port {Port}; received {received.Count}: "
            + string.Join(" | ", received.Select(m => $"{m.To} {m.Subject}")));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

public static class ReceivedMail
{
    /// <summary>The plain-text body (empty if there is none).</summary>
    public static string Text(this MimeMessage message) => message.TextBody ?? "";
}
