using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cerebellum.Testing;

namespace Cerebellum.EndToEnd.Tests;

/// <summary>The portal as a real process (the built Cerebellum.Portal.dll), on its own port and database.</summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();
    public Uri BaseAddress { get; }
    public string Log { get { lock (log) return log.ToString(); } }

    private PortalProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <param name="settings">More environment variables for the process (configuration, e.g. Cerebellum__Notifications__PickupDirectory).</param>
    public static async Task<PortalProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [PortalDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(PortalDll())!,
            Environment =
            {
                ["GOVERNANCE_DB"] = connectionString,
                ["ASPNETCORE_URLS"] = baseAddress.ToString(),
                ["Cerebellum__SamplesPath"] = RepoPaths.Samples,
                // The embedded MQTT server must not take 1883 from ./run.sh or a parallel run.
                ["Cerebellum__Mqtt__Port"] = FreePort().ToString(),
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var portal = new PortalProcess(Process.Start(start)!, baseAddress);
        await portal.WaitUntilHealthyAsync();
        return portal;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("The portal exited:\n" + Log);
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The portal did not become healthy:\n" + Log);
    }

    /// <summary>The portal built beside this test project, in the same configuration.</summary>
    private static string PortalDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "src", "Portal", "bin", configuration, "net10.0", "Cerebellum.Portal.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first (./test.sh does)", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
