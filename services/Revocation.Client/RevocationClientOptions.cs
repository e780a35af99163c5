namespace Identity.Revocation.Client;

/// <summary>How <see cref="CachedSessionChecker"/> caches and what it does when the service is unreachable.</summary>
public sealed class RevocationClientOptions
{
    /// <summary>
    /// How long a VALID answer is reused. The revocation feed removes it as soon as the user or
    /// session is revoked; this bound only matters if an invalidation is somehow missed.
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When the service cannot be asked (UNAVAILABLE, DEADLINE_EXCEEDED), allow the session anyway.
    /// False by default: an application that cannot verify a session refuses it.
    /// </summary>
    public bool FailOpen { get; set; }

    /// <summary>Deadline of one CheckSession call.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay before re-subscribing to the feed after it broke; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between two attempts to re-subscribe to the feed.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cached sessions per tenant; past it, answers are not cached until entries expire or are dropped.</summary>
    public int MaxEntriesPerTenant { get; set; } = 200_000;
}
