using System.Collections.Concurrent;

namespace Identity.GroupRole.Domain;

/// <summary>
/// Effective roles per (tenant, user), invalidated by a per-tenant generation: any membership,
/// mapping, rename or suspension change in the tenant bumps it, which is correct however deep
/// the nesting (a change to one group can move roles of users several levels below it). A
/// computation that overlaps a change stores the old generation and so is never served.
/// The TTL bounds staleness when another replica made the change.
/// </summary>
public sealed class EffectiveRoleCache(TimeProvider time, TimeSpan ttl, int maxEntries = 100_000)
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tenant, string User), Entry> _entries = new();

    public long Generation(string tenantId) => _generations.GetValueOrDefault(tenantId);

    public void Invalidate(string tenantId) => _generations.AddOrUpdate(tenantId, 1, (_, g) => g + 1);

    public bool TryGet(string tenantId, string userId, out EffectiveRoles roles)
    {
        if (_entries.TryGetValue((tenantId, userId), out var entry)
            && entry.Generation == Generation(tenantId)
            && time.GetTimestamp() < entry.ExpiresAt)
        {
            roles = entry.Roles;
            return true;
        }
        roles = EffectiveRoles.None;
        return false;
    }

    /// <summary>Stores <paramref name="roles"/> computed while <paramref name="generation"/> was current.</summary>
    public void Set(string tenantId, string userId, long generation, EffectiveRoles roles)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }
        // Crude bound: dropping everything now and then costs recomputation, never correctness.
        if (_entries.Count >= maxEntries)
        {
            _entries.Clear();
        }
        var expiresAt = time.GetTimestamp() + (long)(ttl.TotalSeconds * time.TimestampFrequency);
        _entries[(tenantId, userId)] = new Entry(generation, expiresAt, roles);
    }

    private sealed record Entry(long Generation, long ExpiresAt, EffectiveRoles Roles);
}
