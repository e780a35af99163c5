namespace Identity.Cli.Replay;

/// <summary>A fixture's run: the steps that ran, in order. It stops at the first failing step, since later steps build on it.</summary>
public sealed record ReplayOutcome(ReplayFixture Fixture, IReadOnlyList<ReplayStepResult> Steps)
{
    public bool Passed => Steps.Count == Fixture.Steps.Count && Steps.All(s => s.Passed);

    public ReplayStepResult? FirstFailure => Steps.FirstOrDefault(s => !s.Passed);

    /// <summary>One paragraph naming the fixture, the step and every difference, for an assertion message.</summary>
    public string Describe() => FirstFailure is { } failure
        ? $"{Fixture.Name} step '{failure.Step}' ({failure.Request}): expected {failure.Expected}, got {failure.Got}\n{failure.Detail}"
        : $"{Fixture.Name}: {Steps.Count} of {Fixture.Steps.Count} steps passed";
}
