namespace Identity.Directory.Users;

/// <summary>One entry of the SCIM <c>emails</c> attribute, as derived for lookups.</summary>
public sealed record UserEmail(string Value, string? Type, bool Primary);
