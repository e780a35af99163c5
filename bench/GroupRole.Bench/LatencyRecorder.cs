using System.Diagnostics;
using System.Globalization;

namespace Identity.GroupRole.Bench;

/// <summary>Times repeated runs of one operation and reports percentiles in milliseconds.</summary>
internal static class LatencyRecorder
{
    public static async Task<string> MeasureAsync(string name, int warmup, int iterations, Func<int, Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation(i);
        }
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(warmup + i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {iterations} | {Percentile(samples, 0.50):0.000} | {Percentile(samples, 0.99):0.000} | {samples[^1]:0.000} |");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
