namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>
/// A token bucket with burst 2 refilled once a second, as Consul's blocking-query docs advise: a watch
/// loop whose queries keep returning at once (index churn, a misbehaving agent) cannot spin.
/// </summary>
internal sealed class WatchRateLimit(TimeProvider time)
{
    private const double Burst = 2;
    private static readonly TimeSpan Refill = TimeSpan.FromSeconds(1);
    private double _tokens = Burst;
    private long _last = time.GetTimestamp();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(Burst, _tokens + time.GetElapsedTime(_last, now) / Refill);
        _last = now;
        if (_tokens < 1)
        {
            await Task.Delay(Refill * (1 - _tokens), time, cancellationToken);
            _tokens = 1;
            _last = time.GetTimestamp();
        }
        _tokens -= 1;
    }
}
