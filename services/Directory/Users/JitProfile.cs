namespace Identity.Directory.Users;

/// <summary>What an application knows about a user at first login.</summary>
public sealed record JitProfile(string? UserName, string? Email, string? ExternalId, string? DisplayName, string? GivenName, string? FamilyName);
