namespace Identity.ScimEdge.Errors;

/// <summary>The scimType and detail of the error a request answered, for the provisioning log.</summary>
public sealed record ScimErrorFeature(string? ScimType, string Detail);
