using System.ComponentModel.DataAnnotations;

namespace Identity.ScimEdge.ReadCache;

/// <summary>The edge's cache of users it has read. Bound from <c>UserCache</c>.</summary>
public sealed class UserCacheOptions
{
    public const string SectionName = "UserCache";

    /// <summary><c>UserCache__Enabled</c>: false sends every read to Directory and GroupRole.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Entries (users and userName lookups) kept per tenant (<c>UserCache__MaxUsers</c>); a tenant over it starts again empty.</summary>
    [Range(100, 10_000_000, ErrorMessage = "UserCache__MaxUsers must be between 100 and 10000000.")]
    public int MaxUsers { get; set; } = 100_000;

    /// <summary>
    /// Estimated bytes of users kept per tenant (<c>UserCache__MaxBytes</c>, 64 MB by default); a tenant over
    /// it starts again empty, as over <see cref="MaxUsers"/>. Bounds tenants whose users are large (many
    /// emails, groups or extension values), which a count alone does not.
    /// </summary>
    [Range(64 * 1024L, 64L * 1024 * 1024 * 1024, ErrorMessage = "UserCache__MaxBytes must be between 64 KB and 64 GB.")]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How long a user's <c>groups</c> may be served without asking GroupRole (<c>UserCache__GroupsMaxAge</c>).
    /// Changes made through this edge show at once; this bounds how late a change made through another
    /// edge replica, or straight on GroupRole, shows. Zero asks GroupRole on every read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "UserCache__GroupsMaxAge must be between 0 and 1 minute.")]
    public TimeSpan GroupsMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A safety net under the change feed: no entry is served older than this (<c>UserCache__MaxAge</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "UserCache__MaxAge must be between 1 second and 1 hour.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A tenant nobody read for this long stops being watched and cached (<c>UserCache__IdleTenantTimeout</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "UserCache__IdleTenantTimeout must be between 1 second and 1 day.")]
    public TimeSpan IdleTenantTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
