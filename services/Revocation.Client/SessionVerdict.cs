using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Client;

/// <summary>The answer to one session check.</summary>
/// <param name="Status">What the service said (or the cache remembered); <c>Unspecified</c> when it could not be asked.</param>
/// <param name="IsAllowed">Whether the application should accept the session.</param>
/// <param name="FromCache">Answered from local memory without a call.</param>
/// <param name="Degraded">The service could not be asked or could not vouch; <see cref="IsAllowed"/> then follows <see cref="RevocationClientOptions.FailOpen"/>, except while <see cref="Rebuilding"/>.</param>
public readonly record struct SessionVerdict(CredentialStatus Status, bool IsAllowed, bool FromCache, bool Degraded)
{
    /// <summary>The service is rebuilding the tenant's blocks after losing its state: retry shortly; <see cref="IsAllowed"/> is false.</summary>
    public bool Rebuilding { get; init; }
}
