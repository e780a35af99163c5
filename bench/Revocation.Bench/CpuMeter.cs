namespace Identity.Revocation.Bench;

/// <summary>One process whose CPU time a load phase charges to the checks it made.</summary>
internal sealed record CpuMeter(string Name, Func<Task<TimeSpan>> Read);
