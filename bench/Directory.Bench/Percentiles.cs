using System.Diagnostics;
using System.Globalization;

namespace Identity.Directory.Bench;

/// <summary>Times repeated operations and reports p50/p99 in milliseconds.</summary>
internal static class Percentiles
{
    public static async Task<string> MeasureAsync(string name, int iterations, Func<int, Task> operation)
    {
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(samples);
        return string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:F3} | {3:F3} |", name, iterations,
            samples[iterations / 2], samples[Math.Min(iterations - 1, (int)(iterations * 0.99))]);
    }
}
