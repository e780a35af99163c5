namespace Identity.Scim.Patching;

/// <summary>A member as a PATCH names it: its id ("value"), and the optional type and display.</summary>
public sealed record MemberReference(string Value, string? Type = null, string? Display = null);
