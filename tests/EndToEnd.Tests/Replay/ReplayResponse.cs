namespace Identity.EndToEnd.Tests.Replay;

/// <summary>What the edge answered to one fixture step: its status and its body as sent.</summary>
internal sealed record ReplayResponse(string Step, int Status, string Body);
