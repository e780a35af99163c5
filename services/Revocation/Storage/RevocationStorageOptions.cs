using System.ComponentModel.DataAnnotations;
using Identity.ServiceDefaults.Options;

namespace Identity.Revocation.Storage;

/// <summary>Where Revocation keeps its state. Bound from <c>Storage</c> (<c>Storage__Provider</c>, <c>Storage__RedisConnectionString</c>).</summary>
public sealed class RevocationStorageOptions
{
    public const string SectionName = "Storage";
    public const string InProcessProvider = "InProcess";
    public const string RedisProvider = "Redis";

    /// <summary>"InProcess" (embedded default, state lives as long as the process) or "Redis"; anything else fails the start.</summary>
    [Required]
    public string Provider { get; set; } = InProcessProvider;

    /// <summary>StackExchange.Redis configuration string (from a secret, never appsettings).</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Key prefix, so several deployments can share one Redis.</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "rev";

    /// <summary>
    /// Feed retention per tenant: about this many newest events are kept (Redis trims with
    /// MAXLEN ~, so slightly more may remain). A watcher resuming from an older id is told it missed events.
    /// </summary>
    [Range(100, 10_000_000)]
    public int FeedMaxLength { get; set; } = 100_000;

    /// <summary>How long an expired session or token is still remembered (answered EXPIRED rather than UNKNOWN).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ExpiredGrace { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsRedis => StorageProviders.Is(Provider, RedisProvider);

    /// <summary>
    /// Refuse to vouch for a tenant's users until its blocks are rebuilt from Directory (after
    /// the store lost its state). Unset: on exactly when a Directory address is configured,
    /// since without Directory there is nothing to rebuild from.
    /// </summary>
    public bool? FailClosedUntilRebuilt { get; set; }
}
