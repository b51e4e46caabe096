using System.Diagnostics;
using System.Net.Sockets;
using Cerebellum.Testing;

namespace Cerebellum.Portal.Tests.Mqtt;

/// <summary>A real mosquitto (Debian's) on a free port with its own config and persistence folder.
/// It can be stopped and started again on the same port with the same persistence, like a broker restart.</summary>
public sealed class Mosquitto : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mosquitto-").FullName;
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public static string Executable =>
        new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("mosquitto is not installed: apt-get install mosquitto (./test.sh does this as root)");

    // As root, mosquitto would drop to the "mosquitto" user, which cannot write the persistence file in
    // our temp folder; naming the current user keeps it (the setting is ignored for other users).
    public async Task StartAsync()
    {
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {folder}/
            autosave_interval 1
            log_dest file {folder}/mosquitto.log
            user {Environment.UserName}
            """);
        process = Process.Start(new ProcessStartInfo(Executable, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>SIGTERM: mosquitto saves its sessions to the persistence file and exits.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        process = null;
    }

    /// <summary>Publishes with the real command-line client, QoS 1; returns once the broker has the message.</summary>
    public async Task PublishAsync(string topic, string payload)
    {
        payload = TestTimes.Fresh(payload);
        using var pub = Process.Start(new ProcessStartInfo("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", Port.ToString(), "-q", "1", "-t", topic, "-m", payload]) { RedirectStandardError = true })!;
        await pub.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (pub.ExitCode != 0) throw new InvalidOperationException("mosquitto_pub failed: " + await pub.StandardError.ReadToEndAsync());
    }

    public string Log => File.Exists(Path.Combine(folder, "mosquitto.log")) ? File.ReadAllText(Path.Combine(folder, "mosquitto.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false }) process.Kill();
        process?.Dispose();
        await Task.Yield();
        Directory.Delete(folder, recursive: true);
    }
}
