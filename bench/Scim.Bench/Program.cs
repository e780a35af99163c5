using BenchmarkDotNet.Running;
using Identity.Scim.Bench;

// "--cpu-time" runs a process-CPU-time probe instead of BenchmarkDotNet: on a shared, loaded
// machine wall-clock medians include time spent waiting for a core; CPU time does not.
if (args.Contains("--cpu-time"))
{
    CpuTimeProbe.Run(Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
