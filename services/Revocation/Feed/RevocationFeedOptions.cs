using System.ComponentModel.DataAnnotations;

namespace Identity.Revocation.Feed;

/// <summary>How WatchRevocations tails a feed. Bound from <c>Feed</c> (<c>Feed__FallbackPoll</c>).</summary>
public sealed class RevocationFeedOptions
{
    public const string SectionName = "Feed";

    /// <summary>
    /// Watchers wake on the store's append signal (Redis pub/sub); this re-read bounds the delay
    /// when a notification is lost, e.g. across a Redis reconnect.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FallbackPoll { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Events read per store call.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 256;
}
