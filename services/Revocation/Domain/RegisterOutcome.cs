namespace Identity.Revocation.Domain;

/// <summary>What registering a session or token did.</summary>
public enum RegisterOutcome
{
    Registered,

    /// <summary>The user is blocked; nothing was stored.</summary>
    Blocked,

    /// <summary>The tenant's blocks are not rebuilt yet, so the user's state is unknown; nothing was stored.</summary>
    NotRestored,
}
