using System.Diagnostics;
using System.Globalization;

namespace Identity.Scim.Bench;

/// <summary>Median process CPU time per operation over seven rounds, for the same workloads as the benchmarks.</summary>
internal static class CpuTimeProbe
{
    public static void Run(TextWriter output)
    {
        var parse = new FilterParseBenchmarks();
        var patch = new PatchBenchmarks();
        patch.Setup();
        var evaluate = new FilterEvaluateBenchmarks();
        evaluate.Setup();
        Measure(output, "ParseSimple", 300_000, () => parse.ParseSimple());
        Measure(output, "ParseCompound", 100_000, () => parse.ParseCompound());
        Measure(output, "ApplyThreeOperations", 50_000, () => patch.ApplyThreeOperations());
        Measure(output, "ParseAndApplyThreeOperations", 50_000, () => patch.ParseAndApplyThreeOperations());
        Measure(output, "EvaluateSimpleOver10kUsers", 100, () => evaluate.EvaluateSimpleOver10kUsers());
        Measure(output, "EvaluateCompoundOver10kUsers", 30, () => evaluate.EvaluateCompoundOver10kUsers());
    }

    private static void Measure(TextWriter output, string name, int count, Func<object> operation)
    {
        for (var i = 0; i < count / 4; i++)
        {
            operation();
        }

        var samples = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < 7; round++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < count; i++)
            {
                operation();
            }

            process.Refresh();
            samples.Add((process.TotalProcessorTime - start).TotalMilliseconds * 1_000_000 / count);
        }

        samples.Sort();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        operation();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: median {samples[3]:F0} ns CPU/op (min {samples[0]:F0}), {allocated} B allocated/op"));
    }
}
