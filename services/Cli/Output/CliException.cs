namespace Identity.Cli.Output;

/// <summary>A failure the operator can act on; its message is the one line the CLI prints before exiting with 1.</summary>
public sealed class CliException(string message) : Exception(message);
