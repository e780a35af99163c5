using Identity.Revocation.Domain;

namespace Identity.Revocation.Storage.InProcess;

/// <summary>One tenant's state in memory; every member is guarded by the store's lock.</summary>
internal sealed class InProcessTenant(int feedMaxLength)
{
    public Dictionary<(string UserId, string SessionId), StoredSession> Sessions { get; } = [];

    public Dictionary<string, HashSet<string>> SessionsByUser { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredToken> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> TokensByUser { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UserState> Users { get; } = new(StringComparer.Ordinal);

    public InProcessFeed Feed { get; } = new(feedMaxLength);

    public UserState UserOf(string userId) => Users.TryGetValue(userId, out var state) ? state : default;

    public void Sweep(DateTimeOffset now, TimeSpan grace)
    {
        foreach (var (key, session) in Sessions.Where(s => CredentialRules.IsForgotten(s.Value.Record.ExpiresAt, now, grace)).ToList())
        {
            Sessions.Remove(key);
            RemoveIndex(SessionsByUser, session.Record.UserId, key.SessionId);
        }
        foreach (var (tokenId, token) in Tokens.Where(t => CredentialRules.IsForgotten(t.Value.Record.ExpiresAt, now, grace)).ToList())
        {
            Tokens.Remove(tokenId);
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
