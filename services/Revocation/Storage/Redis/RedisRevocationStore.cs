using System.Collections.Concurrent;
using System.Text.Json;
using Identity.Revocation.Domain;
using Identity.Revocation.Feed;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using static Identity.Revocation.Storage.Redis.RedisFeedCodec;

namespace Identity.Revocation.Storage.Redis;

/// <summary>
/// The production store. Sessions and tokens are hashes whose TTL is their expiry plus the grace,
/// so expired ones cost nothing; user blocks and watermarks never expire; each tenant's feed is a
/// Redis Stream trimmed to about <see cref="RevocationStorageOptions.FeedMaxLength"/> entries.
/// Every write that emits an event PUBLISHes the tenant on one channel, which wakes watchers.
/// </summary>
public sealed class RedisRevocationStore : IRevocationStore
{
    private static readonly RedisValue[] SessionFields = ["issued", "expires", "revoked"];
    private static readonly RedisValue[] UserFields = ["blocked", "watermark"];

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _grace;
    private readonly int _feedMaxLength;
    private readonly TenantSignals _signals = new();
    private readonly ISubscriber _subscriber;
    private readonly ConcurrentDictionary<string, bool> _knownTenants = new(StringComparer.Ordinal);

    public RedisRevocationStore(RedisConnection connection, IOptions<RevocationStorageOptions> options, TimeProvider time)
    {
        _db = connection.Multiplexer.GetDatabase();
        _keys = new RedisKeys(options.Value.RedisKeyPrefix);
        _time = time;
        _grace = options.Value.ExpiredGrace;
        _feedMaxLength = options.Value.FeedMaxLength;
        _subscriber = connection.Multiplexer.GetSubscriber();
        _ = SubscribeAsync();
        connection.Multiplexer.ConnectionRestored += (_, _) =>
        {
            _ = SubscribeAsync();
            // Notifications published while we were disconnected are lost: wake every watcher to re-read.
            _signals.FireAll();
        };
    }

    public Task<bool> TryRegisterSessionAsync(SessionRecord session, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var (ttl, forgetBefore) = Lifetime(session.ExpiresAt);
        var result = await _db.ScriptEvaluateAsync(RedisScripts.RegisterSession,
            [_keys.User(session.TenantId, session.UserId), _keys.Session(session.TenantId, session.UserId, session.SessionId), _keys.UserSessions(session.TenantId, session.UserId)],
            [session.SessionId, session.UserId, Milliseconds(session.IssuedAt), Milliseconds(session.ExpiresAt),
             JsonSerializer.Serialize(session.Attributes), ttl, forgetBefore]);
        await RememberTenantAsync(session.TenantId);
        return (int)result == 1;
    });

    // The hot path: two HMGETs pipelined in one round trip rather than a Lua script, because a
    // script costs Redis far more CPU than the two reads it would wrap (bench/README.md has the
    // figures). Atomicity is not needed: the session is read
    // before the user, a session never comes back once revoked or swept, and RevokeUser blocks
    // and sweeps in one script. So a session seen alive was alive with that user not blocked, and
    // a user state read later can only be as strict or stricter: the answer is never laxer than
    // some instant between the two reads.
    public async Task<SessionCheck> CheckSessionAsync(string tenantId, string userId, string sessionId, CancellationToken cancellationToken)
    {
        RedisValue[] session;
        RedisValue[] user;
        try
        {
            var sessionRead = _db.HashGetAsync(_keys.Session(tenantId, userId, sessionId), SessionFields);
            var userRead = _db.HashGetAsync(_keys.User(tenantId, userId), UserFields);
            // Both awaited, so a failure of either is observed, never left unobserved.
            await Task.WhenAll(sessionRead, userRead);
            session = await sessionRead;
            user = await userRead;
        }
        catch (Exception ex) when (RedisGuard.Unavailable(ex) is { } unavailable)
        {
            throw unavailable;
        }
        var state = new UserState(user[0] == "1", FromMilliseconds(user[1]));
        if (session[1].IsNull)
        {
            return new SessionCheck(state.Blocked ? CredentialState.Blocked : CredentialState.Unknown, null);
        }
        var expiresAt = FromMilliseconds(session[1])!.Value;
        var result = CredentialRules.Evaluate(state, FromMilliseconds(session[0])!.Value, expiresAt, session[2] == "1", _time.GetUtcNow(), _grace);
        return new SessionCheck(result, result == CredentialState.Unknown ? null : expiresAt);
    }

    public Task<bool> RevokeSessionAsync(string tenantId, string userId, string sessionId, string reason, CancellationToken cancellationToken) =>
        RevokeCredentialAsync(tenantId, _keys.Session(tenantId, userId, sessionId), RevocationEventKind.SessionRevoked, "session", sessionId, reason);

    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(string tenantId, string userId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var now = _time.GetUtcNow();
        var ids = await _db.SortedSetRangeByScoreAsync(_keys.UserSessions(tenantId, userId), Milliseconds(now), double.PositiveInfinity, Exclude.Start);
        var reads = ids.Select(id => _db.HashGetAsync(_keys.Session(tenantId, userId, id!), ["issued", "expires", "attrs", "revoked"])).ToList();
        var sessions = new List<SessionRecord>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var fields = await reads[i];
            if (fields[1].IsNull || fields[3] == "1")
            {
                continue;
            }
            var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>((string)fields[2]!) ?? [];
            sessions.Add(new SessionRecord(tenantId, userId, ids[i]!, FromMilliseconds(fields[0])!.Value, FromMilliseconds(fields[1])!.Value, attributes));
        }
        return (IReadOnlyList<SessionRecord>)[.. sessions.OrderBy(s => s.ExpiresAt).ThenBy(s => s.SessionId, StringComparer.Ordinal)];
    });

    public Task<bool> TryRegisterTokenAsync(TokenRecord token, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var (ttl, forgetBefore) = Lifetime(token.ExpiresAt);
        var result = await _db.ScriptEvaluateAsync(RedisScripts.RegisterToken,
            [_keys.User(token.TenantId, token.UserId), _keys.Token(token.TenantId, token.TokenId), _keys.UserTokens(token.TenantId, token.UserId)],
            [token.TokenId, token.UserId, Milliseconds(token.IssuedAt), Milliseconds(token.ExpiresAt), ttl, forgetBefore]);
        await RememberTenantAsync(token.TenantId);
        return (int)result == 1;
    });

    public Task<TokenCheck> CheckTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var values = (RedisValue[])(await _db.ScriptEvaluateAsync(RedisScripts.CheckToken,
            [_keys.Token(tenantId, tokenId)], [_keys.TenantPrefix(tenantId) + "u:"]))!;
        if (values.Length == 0)
        {
            return new TokenCheck(CredentialState.Unknown, null, null);
        }
        var user = new UserState(values[4] == "1", FromMilliseconds(values[5]));
        var expiresAt = FromMilliseconds(values[2])!.Value;
        var state = CredentialRules.Evaluate(user, FromMilliseconds(values[1])!.Value, expiresAt, values[3] == "1", _time.GetUtcNow(), _grace);
        return state == CredentialState.Unknown ? new TokenCheck(state, null, null) : new TokenCheck(state, values[0]!, expiresAt);
    });

    public Task<bool> RevokeTokenAsync(string tenantId, string tokenId, string reason, CancellationToken cancellationToken) =>
        RevokeCredentialAsync(tenantId, _keys.Token(tenantId, tokenId), RevocationEventKind.TokenRevoked, "token", tokenId, reason);

    public Task<UserRevocation> RevokeUserAsync(string tenantId, string userId, string reason, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.RevokeUser,
            [_keys.User(tenantId, userId), _keys.UserSessions(tenantId, userId), _keys.UserTokens(tenantId, userId), _keys.Feed(tenantId)],
            [Milliseconds(_time.GetUtcNow()), _feedMaxLength, _keys.FeedChannel.ToString(), tenantId, userId, reason,
             _keys.SessionPrefix(tenantId, userId), _keys.TokenPrefix(tenantId)]))!;
        await RememberTenantAsync(tenantId);
        return new UserRevocation(FromMilliseconds((string)result[0]!), (int)result[1], (int)result[2], (string)result[3]!);
    });

    public Task<bool> UnblockUserAsync(string tenantId, string userId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var result = await _db.ScriptEvaluateAsync(RedisScripts.UnblockUser,
            [_keys.User(tenantId, userId), _keys.Feed(tenantId)],
            [Milliseconds(_time.GetUtcNow()), _feedMaxLength, _keys.FeedChannel.ToString(), tenantId, userId]);
        return !result.IsNull;
    });

    public Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var values = await _db.HashGetAsync(_keys.User(tenantId, userId), UserFields);
        return new UserState(values[0] == "1", FromMilliseconds(values[1]));
    });

    public Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var members = await _db.SetMembersAsync(_keys.Tenants);
        return (IReadOnlyList<string>)[.. members.Select(m => (string)m!).Order(StringComparer.Ordinal)];
    });

    public Task<FeedPosition> GetLatestEventIdAsync(string tenantId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var newest = await _db.StreamRangeAsync(_keys.Feed(tenantId), "-", "+", count: 1, messageOrder: Order.Descending);
        return newest.Length == 0 ? FeedPosition.Zero : FeedPosition.Parse(newest[0].Id!);
    });

    public Task<FeedRead> ReadEventsAsync(string tenantId, FeedPosition after, int maxCount, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.ReadFeed, [_keys.Feed(tenantId)], [after.ToString(), maxCount]))!;
        var entries = (RedisResult[])result[1]!;
        return new FeedRead([.. entries.Select(e => Decode(tenantId, e))], (int)result[0] == 1);
    });

    public Task WhenEventAppended(string tenantId) => _signals.WhenFired(tenantId);

    // Redis may be down when we start; watchers then rely on their fallback re-read until a
    // reconnect subscribes again. Subscribing twice to the same channel and handler is harmless.
    private async Task SubscribeAsync()
    {
        try
        {
            await _subscriber.SubscribeAsync(_keys.FeedChannel, OnFeedMessage);
        }
        catch (RedisException)
        {
            // Retried on ConnectionRestored.
        }
    }

    private void OnFeedMessage(RedisChannel channel, RedisValue tenant) => _signals.Fire(tenant!);

    private Task<bool> RevokeCredentialAsync(string tenantId, RedisKey key, RevocationEventKind kind, string idField, string id, string reason) => RedisGuard.Run(async () =>
    {
        var result = await _db.ScriptEvaluateAsync(RedisScripts.RevokeCredential, [key, _keys.Feed(tenantId)],
            [Milliseconds(_time.GetUtcNow()), (long)_grace.TotalMilliseconds, _feedMaxLength, _keys.FeedChannel.ToString(), tenantId,
             kind.ToString(), idField, id, reason]);
        return !result.IsNull;
    });

    private (long Ttl, long ForgetBefore) Lifetime(DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        // Relative TTLs from our clock, so a key lives exactly as long as the credential plus the grace.
        var ttl = Math.Max(1, (long)(expiresAt + _grace - now).TotalMilliseconds);
        return (ttl, Milliseconds(now - _grace));
    }

    // Outside the scripts: the tenant set is one global key, which a cluster would put in another slot.
    private async Task RememberTenantAsync(string tenantId)
    {
        if (!_knownTenants.ContainsKey(tenantId))
        {
            await _db.SetAddAsync(_keys.Tenants, tenantId);
            _knownTenants.TryAdd(tenantId, true);
        }
    }
}
