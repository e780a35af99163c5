namespace Identity.ScimEdge.IdpProfiles;

/// <summary>The profile that answers one request, and whether <c>auto</c> detected it. Set as an HttpContext feature.</summary>
/// <param name="Profile">The profile in force.</param>
/// <param name="Detected">True when the tenant is on <c>auto</c> and the headers chose it.</param>
public sealed record ResolvedIdpProfile(IdpProfile Profile, bool Detected)
{
    /// <summary>What the provisioning log shows: <c>okta</c> when set, <c>auto:okta</c> when detected.</summary>
    public string Label => Detected ? $"{IdpProfileCatalog.Auto}:{Profile.Name}" : Profile.Name;

    /// <summary>
    /// The tenant's stored profile, or the detected one for <c>auto</c>, empty or unknown names (the admin
    /// API refuses unknown names, but a tenant stored before it did, or created through Directory's gRPC
    /// API directly, may still hold one: such a name falls back to detection rather than failing requests).
    /// </summary>
    public static ResolvedIdpProfile Resolve(string? storedProfile, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IdpProfileCatalog.Find(storedProfile) is { } chosen
            ? new ResolvedIdpProfile(chosen, Detected: false)
            : new ResolvedIdpProfile(IdpProfileDetector.Detect(request.Headers.UserAgent.ToString(), request.Headers), Detected: true);
    }
}
