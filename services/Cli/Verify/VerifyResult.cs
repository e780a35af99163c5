namespace Identity.Cli.Verify;

/// <summary>One row of verify's table: a discovery check or an IdP sequence, the step that decided it, what was expected and what came.</summary>
public sealed record VerifyResult(string Check, string Idp, string Step, string Expected, string Got, bool Passed);
