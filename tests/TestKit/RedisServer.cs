using System.Diagnostics;
using System.Net.Sockets;

namespace Identity.TestKit;

/// <summary>
/// A private, real redis-server on a free loopback port, with an append-only file so a
/// restart keeps its data. With IDENTITY_TEST_REDIS set (host:port), that server is used instead
/// and cannot be stopped or restarted by tests.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string? _folder;
    private Process? _process;

    private RedisServer(string connectionString, int port, string? folder)
    {
        ConnectionString = connectionString;
        Port = port;
        _folder = folder;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>False when an external server from IDENTITY_TEST_REDIS is in use.</summary>
    public bool IsOwned => _folder is not null;

    public static async Task<RedisServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("IDENTITY_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new RedisServer(external, 0, folder: null);
        }
        var folder = Path.Combine(Path.GetTempPath(), "identity-redis-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(folder);
        var server = new RedisServer($"127.0.0.1:{FreePort.Next()}", 0, folder);
        var port = int.Parse(server.ConnectionString.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        server = new RedisServer(server.ConnectionString, port, folder);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>Stops the server (SHUTDOWN-like kill); data already fsynced to the AOF survives.</summary>
    public async Task StopAsync()
    {
        RequireOwned();
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process = null;
    }

    /// <summary>Starts the server again on the same port with the same data.</summary>
    public Task RestartAsync()
    {
        RequireOwned();
        return LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsOwned)
        {
            return;
        }
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task LaunchAsync()
    {
        var binary = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        var info = new ProcessStartInfo(binary)
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--dir", _folder!,
                "--appendonly", "yes",
                "--appendfsync", "always",
                "--save", "",
                "--protected-mode", "no",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "redis-server is not installed: run `apt-get install -y redis-server` (.ci/run does), or set IDENTITY_TEST_REDIS=host:port.", ex);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}.");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }
        throw new TimeoutException($"redis-server did not listen on port {Port} within 15 s.");
    }

    private void RequireOwned()
    {
        if (!IsOwned)
        {
            throw new InvalidOperationException("The Redis server from IDENTITY_TEST_REDIS is not ours to stop or restart.");
        }
    }
}
