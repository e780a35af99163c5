using System.Collections.Concurrent;
using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Client;

/// <summary>
/// One tenant's cached VALID answers, grouped by user so a revocation drops a user in one step.
/// <see cref="Epoch"/> moves on every invalidation: an answer fetched across one is not stored.
/// </summary>
internal sealed class TenantCache(int maxEntries)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _users = new(StringComparer.Ordinal);
    private long _epoch;
    private int _count;
    private volatile bool _live;

    /// <summary>True while the feed is subscribed; only then may answers be served from memory.</summary>
    public bool IsLive => _live;

    public long Epoch => Volatile.Read(ref _epoch);

    public Task? Watcher { get; set; }

    public bool TryGet(string userId, string sessionId, long nowTimestamp) =>
        _live
        && _users.TryGetValue(userId, out var sessions)
        && sessions.TryGetValue(sessionId, out var validUntil)
        && nowTimestamp < validUntil;

    public void Store(string userId, string sessionId, long validUntil, long epoch)
    {
        if (Volatile.Read(ref _count) >= maxEntries)
        {
            return;
        }
        var sessions = _users.GetOrAdd(userId, static _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        if (sessions.TryAdd(sessionId, validUntil))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            sessions[sessionId] = validUntil;
        }
        // An invalidation that raced with this store bumped the epoch first, then removed: either
        // it removed our entry, or we see its epoch here and remove the entry ourselves.
        if (Epoch != epoch)
        {
            RemoveSession(userId, sessionId);
        }
    }

    public void Apply(RevocationEvent revocation)
    {
        Interlocked.Increment(ref _epoch);
        switch (revocation.Type)
        {
            case RevocationEventType.SessionRevoked:
                RemoveSession(revocation.UserId, revocation.SessionId);
                break;
            case RevocationEventType.TokenRevoked:
                break;
            default:
                RemoveUser(revocation.UserId);
                break;
        }
    }

    public void SetLive(bool live)
    {
        _live = live;
        if (!live)
        {
            Clear();
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        _users.Clear();
        Volatile.Write(ref _count, 0);
    }

    private void RemoveUser(string userId)
    {
        if (_users.TryRemove(userId, out var sessions))
        {
            Interlocked.Add(ref _count, -sessions.Count);
        }
    }

    private void RemoveSession(string userId, string sessionId)
    {
        if (_users.TryGetValue(userId, out var sessions) && sessions.TryRemove(sessionId, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
