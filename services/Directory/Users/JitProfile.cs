namespace Identity.Directory.Users;

/// <summary>What an application knows about a user at first login, and which of it it verified.</summary>
public sealed record JitProfile(
    string? UserName, string? Email, string? ExternalId, string? DisplayName, string? GivenName, string? FamilyName,
    VerifiedIdentifiers Verified = VerifiedIdentifiers.None);
