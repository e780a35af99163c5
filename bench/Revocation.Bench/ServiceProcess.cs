using System.Diagnostics;
using System.Globalization;
using Identity.TestKit;

namespace Identity.Revocation.Bench;

/// <summary>
/// The real Revocation service (its own Program, built with this bench) in a child process on
/// loopback, as it runs in production: its own runtime, GC and telemetry, none of which the load
/// client shares. Logs at Warning so console output does not skew figures. OTEL_* variables of
/// the bench's environment pass through, to measure the telemetry's cost; so do the settings in
/// REVOCATION_BENCH_SERVICE_ENV, which reach the service only.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri mainUri)
    {
        _process = process;
        MainUri = mainUri;
    }

    public Uri MainUri { get; }

    /// <summary>CPU time the service process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public Uri ManagementUri { get; private init; } = null!;

    public static async Task<ServiceProcess> StartAsync(string? redisConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var main = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var management = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Identity.Revocation.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Endpoints__Main"] = main.ToString(),
                ["Endpoints__Management"] = management.ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Storage__Provider"] = redisConnectionString is null ? "InProcess" : "Redis",
                ["Storage__RedisConnectionString"] = redisConnectionString ?? string.Empty,
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        // For experiments on the service alone, e.g. REVOCATION_BENCH_SERVICE_ENV="DOTNET_gcServer=0;OTEL_SDK_DISABLED=true".
        foreach (var setting in (Environment.GetEnvironmentVariable("REVOCATION_BENCH_SERVICE_ENV") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        // Drained so a chatty service never blocks on a full pipe; warnings still reach the console.
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, main) { ManagementUri = management };
        try
        {
            await WaitUntilReadyAsync(process, management);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }

    private static async Task WaitUntilReadyAsync(Process process, Uri management)
    {
        using var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} while starting.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly on a loaded machine.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The service did not report ready within 60 s.");
    }

    private static void Forward(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.WriteLine("  [service] " + line);
        }
    }
}
