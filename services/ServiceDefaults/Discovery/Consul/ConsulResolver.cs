using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>
/// Resolves <c>consul://name</c> to the passing instances of <c>name</c>. A blocking-query loop
/// (started in <see cref="OnStarted"/>) pushes every change; <see cref="ResolveAsync"/> answers the
/// channel's refresh with an immediate read. When Consul fails the last good addresses stay in use;
/// only a resolver that never had any reports Unavailable.
/// </summary>
internal sealed class ConsulResolver : PollingResolver
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    private readonly string _service;
    private readonly ConsulHealthClient _consul;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly WatchRateLimit _rate;
    private IReadOnlyList<BalancerAddress>? _published;
    private ulong _publishedIndex;

    public ConsulResolver(string service, ConsulHealthClient consul, TimeProvider time, ILoggerFactory loggerFactory)
        : base(loggerFactory)
    {
        _service = service;
        _consul = consul;
        _time = time;
        _logger = loggerFactory.CreateLogger<ConsulResolver>();
        _rate = new WatchRateLimit(time);
    }

    protected override void OnStarted() => _ = Task.Run(() => WatchAsync(_stopping.Token));

    protected override async Task ResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _consul.GetPassingAsync(_service, 0, TimeSpan.Zero, cancellationToken);
            Publish(result, fromWatch: false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            PublishFailure(ex);
        }
    }

    // Consul's blocking-query rules: send the last X-Consul-Index back, never an index below 1,
    // reset to 0 when it goes backwards, and rate-limit the loop since a return is no proof of change.
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        ulong index = 0;
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _rate.WaitAsync(cancellationToken);
                var result = await _consul.GetPassingAsync(_service, index, _consul.Options.WatchWait, cancellationToken);
                retry = FirstRetry;
                if (result.Index < index)
                {
                    _logger.ConsulIndexReset(_service, index, result.Index);
                    lock (_gate)
                    {
                        _publishedIndex = 0;
                    }
                    Publish(result, fromWatch: true);
                    index = 0;
                    continue;
                }
                Publish(result, fromWatch: true);
                index = Math.Max(result.Index, 1);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                PublishFailure(ex);
                await DelayAsync(retry, cancellationToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private void Publish(ConsulHealthResult result, bool fromWatch)
    {
        var addresses = result.ToAddresses();
        lock (_gate)
        {
            // A refresh's read may land after a newer watch result: never let it move the set backwards.
            if (!fromWatch && _published is not null && result.Index < _publishedIndex)
            {
                return;
            }
            _publishedIndex = result.Index;
            if (_published is not null && _published.Select(a => a.EndPoint.ToString()).SequenceEqual(addresses.Select(a => a.EndPoint.ToString())))
            {
                return;
            }
            _published = addresses;
        }
        _logger.ConsulInstancesChanged(_service, addresses.Count);
        // An empty passing set is published as such: the balancer then fails new calls with
        // Unavailable ("no addresses") at once, rather than sending them to instances Consul calls critical.
        Listener(ResolverResult.ForResult(addresses));
    }

    private void PublishFailure(Exception ex)
    {
        bool known;
        int count;
        lock (_gate)
        {
            known = _published is not null;
            count = _published?.Count ?? 0;
        }
        _logger.ConsulUnreachable(_service, count, ex);
        if (!known)
        {
            Listener(ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"Consul could not resolve '{_service}': {ex.Message}", ex)));
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the loop's condition ends it.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
        base.Dispose(disposing);
    }
}
