namespace Identity.Cli.Replay;

/// <summary>A fixture that cannot run as written (a ${name} used before it is captured, nothing at a capture path).</summary>
public sealed class ReplayFixtureException(string message) : Exception(message);
