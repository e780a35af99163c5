namespace Identity.Cli.Replay;

/// <summary>What the endpoint answered to one fixture step: its status and its body as sent.</summary>
public sealed record ReplayResponse(string Step, int Status, string Body);
