using System.Diagnostics;
using System.Globalization;

namespace Identity.Revocation.Bench;

/// <summary>Collects latencies (Stopwatch ticks) and prints percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<long> _ticks = [];

    public int Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    public void AddRange(Latencies other) => _ticks.AddRange(other._ticks);

    public double PercentileMs(double p)
    {
        _ticks.Sort();
        var index = (int)Math.Clamp(Math.Ceiling(p / 100 * _ticks.Count) - 1, 0, _ticks.Count - 1);
        return _ticks[index] * 1000.0 / Stopwatch.Frequency;
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={PercentileMs(50):0.000} ms p90={PercentileMs(90):0.000} ms p99={PercentileMs(99):0.000} ms max={PercentileMs(100):0.000} ms");
}
