namespace Identity.ScimEdge.Admin;

/// <summary>What an admin API error looks like on the wire.</summary>
public sealed record AdminErrorBody(string Error, string Detail);
