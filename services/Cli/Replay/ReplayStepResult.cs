namespace Identity.Cli.Replay;

/// <summary>
/// One step's verdict. Expected and Got describe the first difference (or the status, when it passed);
/// Detail holds every difference and the body; a step that counts the whole tenant and ran against
/// a tenant holding other resources had its body left unchecked, which WholeTenantUnchecked says.
/// </summary>
public sealed record ReplayStepResult(string Step, string Request, bool Passed, string Expected, string Got, string Detail,
    bool WholeTenantUnchecked = false);
