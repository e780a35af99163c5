using System.Collections.Concurrent;
using Identity.Revocation.Domain;

namespace Identity.Revocation.Storage.InProcess;

/// <summary>
/// One tenant's state in memory. Writers hold the store's lock; checks read the concurrent
/// dictionaries without it (records are immutable and swapped whole, and RevokeUser sets the
/// block before it deletes sessions, so a lock-free reader never sees a revoked user as valid).
/// </summary>
internal sealed class InProcessTenant(int feedMaxLength)
{
    public ConcurrentDictionary<(string UserId, string SessionId), StoredSession> Sessions { get; } = new();

    public Dictionary<string, HashSet<string>> SessionsByUser { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, StoredToken> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> TokensByUser { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, UserState> Users { get; } = new(StringComparer.Ordinal);

    public InProcessFeed Feed { get; } = new(feedMaxLength);

    public UserState UserOf(string userId) => Users.TryGetValue(userId, out var state) ? state : default;

    public void Sweep(DateTimeOffset now, TimeSpan grace)
    {
        foreach (var (key, session) in Sessions.Where(s => CredentialRules.IsForgotten(s.Value.Record.ExpiresAt, now, grace)).ToList())
        {
            Sessions.TryRemove(key, out _);
            RemoveIndex(SessionsByUser, session.Record.UserId, key.SessionId);
        }
        foreach (var (tokenId, token) in Tokens.Where(t => CredentialRules.IsForgotten(t.Value.Record.ExpiresAt, now, grace)).ToList())
        {
            Tokens.TryRemove(tokenId, out _);
            RemoveIndex(TokensByUser, token.Record.UserId, tokenId);
        }
    }

    public static void AddIndex(Dictionary<string, HashSet<string>> index, string userId, string id)
    {
        if (!index.TryGetValue(userId, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            index[userId] = ids;
        }
        ids.Add(id);
    }

    public static void RemoveIndex(Dictionary<string, HashSet<string>> index, string userId, string id)
    {
        if (index.TryGetValue(userId, out var ids) && ids.Remove(id) && ids.Count == 0)
        {
            index.Remove(userId);
        }
    }
}

internal sealed record StoredSession(SessionRecord Record, bool Revoked);

internal sealed record StoredToken(TokenRecord Record, bool Revoked);
