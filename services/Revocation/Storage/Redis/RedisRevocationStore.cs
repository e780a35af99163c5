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
    private static readonly RedisValue Required = "1";
    private static readonly RedisValue NotRequired = "0";
    private const int RestoreChunk = 500;

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _grace;
    private readonly int _feedMaxLength;
    private readonly TenantSignals _signals = new();
    private readonly ISubscriber _subscriber;
    private readonly ConcurrentDictionary<string, bool> _knownTenants = new(StringComparer.Ordinal);
    private readonly bool _requireRestore;

    public RedisRevocationStore(RedisConnection connection, IOptions<RevocationStorageOptions> options, TimeProvider time)
    {
        _db = connection.Multiplexer.GetDatabase();
        _keys = new RedisKeys(options.Value.RedisKeyPrefix);
        _time = time;
        _grace = options.Value.ExpiredGrace;
        _feedMaxLength = options.Value.FeedMaxLength;
        _requireRestore = options.Value.FailClosedUntilRebuilt ?? false;
        _subscriber = connection.Multiplexer.GetSubscriber();
        _ = SubscribeAsync();
        connection.Multiplexer.ConnectionRestored += (_, _) =>
        {
            _ = SubscribeAsync();
            // Notifications published while we were disconnected are lost: wake every watcher to re-read.
            _signals.FireAll();
        };
    }

    public Task<RegisterOutcome> TryRegisterSessionAsync(SessionRecord session, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var (ttl, forgetBefore) = Lifetime(session.ExpiresAt);
        var result = await _db.ScriptEvaluateAsync(RedisScripts.RegisterSession,
            [_keys.User(session.TenantId, session.UserId), _keys.Session(session.TenantId, session.UserId, session.SessionId),
             _keys.UserSessions(session.TenantId, session.UserId), _keys.Restored(session.TenantId)],
            [session.SessionId, session.UserId, Milliseconds(session.IssuedAt), Milliseconds(session.ExpiresAt),
             JsonSerializer.Serialize(session.Attributes), ttl, forgetBefore, RequireRestore]);
        await RememberTenantAsync(session.TenantId);
        return Outcome((int)result);
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
        var restored = true;
        try
        {
            // The marker is read first: a wipe after it also removed the session, which then
            // answers UNKNOWN, never VALID.
            var restoredRead = _requireRestore ? _db.KeyExistsAsync(_keys.Restored(tenantId)) : Task.FromResult(true);
            var sessionRead = _db.HashGetAsync(_keys.Session(tenantId, userId, sessionId), SessionFields);
            var userRead = _db.HashGetAsync(_keys.User(tenantId, userId), UserFields);
            // All awaited, so a failure of any is observed, never left unobserved.
            await Task.WhenAll(restoredRead, sessionRead, userRead);
            restored = await restoredRead;
            session = await sessionRead;
            user = await userRead;
        }
        catch (Exception ex) when (RedisGuard.Unavailable(ex) is { } unavailable)
        {
            throw unavailable;
        }
        // Only whether any block is held matters to a check; which one is read by GetUserState.
        var state = new UserState(user[0] == "1" ? BlockOrigins.Lifecycle : BlockOrigins.None, FromMilliseconds(user[1]), TenantNotRestored: !restored);
        if (session[1].IsNull)
        {
            return new SessionCheck(CredentialRules.WithoutCredential(state), null);
        }
        var expiresAt = FromMilliseconds(session[1])!.Value;
        var result = CredentialRules.Evaluate(state, FromMilliseconds(session[0])!.Value, expiresAt, session[2] == "1", _time.GetUtcNow(), _grace);
        return new SessionCheck(result, result is CredentialState.Unknown or CredentialState.NotRestored ? null : expiresAt);
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

    public Task<RegisterOutcome> TryRegisterTokenAsync(TokenRecord token, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var (ttl, forgetBefore) = Lifetime(token.ExpiresAt);
        var result = await _db.ScriptEvaluateAsync(RedisScripts.RegisterToken,
            [_keys.User(token.TenantId, token.UserId), _keys.Token(token.TenantId, token.TokenId), _keys.UserTokens(token.TenantId, token.UserId),
             _keys.Restored(token.TenantId)],
            [token.TokenId, token.UserId, Milliseconds(token.IssuedAt), Milliseconds(token.ExpiresAt), ttl, forgetBefore, RequireRestore]);
        await RememberTenantAsync(token.TenantId);
        return Outcome((int)result);
    });

    public Task<TokenCheck> CheckTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var values = (RedisValue[])(await _db.ScriptEvaluateAsync(RedisScripts.CheckToken,
            [_keys.Token(tenantId, tokenId), _keys.Restored(tenantId)], [_keys.UserPrefix(tenantId), RequireRestore]))!;
        var restored = values[0] == "1";
        if (values.Length == 1)
        {
            return new TokenCheck(restored ? CredentialState.Unknown : CredentialState.NotRestored, null, null);
        }
        var user = new UserState(values[5] == "1" ? BlockOrigins.Lifecycle : BlockOrigins.None, FromMilliseconds(values[6]), TenantNotRestored: !restored);
        var expiresAt = FromMilliseconds(values[3])!.Value;
        var state = CredentialRules.Evaluate(user, FromMilliseconds(values[2])!.Value, expiresAt, values[4] == "1", _time.GetUtcNow(), _grace);
        return state is CredentialState.Unknown or CredentialState.NotRestored
            ? new TokenCheck(state, null, null)
            : new TokenCheck(state, values[1]!, expiresAt);
    });

    public Task<bool> RevokeTokenAsync(string tenantId, string tokenId, string reason, CancellationToken cancellationToken) =>
        RevokeCredentialAsync(tenantId, _keys.Token(tenantId, tokenId), RevocationEventKind.TokenRevoked, "token", tokenId, reason);

    public Task<UserRevocation> RevokeUserAsync(string tenantId, string userId, BlockOrigins origin, string reason, CancellationToken cancellationToken) =>
        RedisGuard.Run(async () =>
        {
            var result = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.RevokeUser,
                [_keys.User(tenantId, userId), _keys.UserSessions(tenantId, userId), _keys.UserTokens(tenantId, userId), _keys.Feed(tenantId),
                 _keys.LifecycleBlocked(tenantId)],
                [Milliseconds(_time.GetUtcNow()), _feedMaxLength, _keys.FeedChannel.ToString(), tenantId, userId, reason,
                 _keys.SessionPrefix(tenantId, userId), _keys.TokenPrefix(tenantId), OriginField(origin), (int)origin]))!;
            await RememberTenantAsync(tenantId);
            return new UserRevocation(FromMilliseconds((string)result[0]!), (int)result[1], (int)result[2], (string)result[3]!);
        });

    public Task<UnblockResult> UnblockUserAsync(string tenantId, string userId, BlockOrigins origin, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var result = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.UnblockUser,
            [_keys.User(tenantId, userId), _keys.Feed(tenantId), _keys.LifecycleBlocked(tenantId)],
            [Milliseconds(_time.GetUtcNow()), _feedMaxLength, _keys.FeedChannel.ToString(), tenantId, userId, OriginField(origin), (int)origin]))!;
        return new UnblockResult((int)result[0] == 1, (int)result[1] == 1);
    });

    public Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var values = (RedisValue[])(await _db.ScriptEvaluateAsync(RedisScripts.GetUserState,
            [_keys.User(tenantId, userId), _keys.Restored(tenantId)], [RequireRestore]))!;
        var blocks = BlockOrigins.None;
        if (values[3] == "1")
        {
            blocks |= BlockOrigins.Security;
        }
        // A hash from before origins existed holds only 'blocked': a lifecycle block (see RedisScripts).
        if (values[2] == "1" || (values[1] == "1" && values[2].IsNull && values[3].IsNull))
        {
            blocks |= BlockOrigins.Lifecycle;
        }
        return new UserState(blocks, FromMilliseconds(values[4]), TenantNotRestored: values[0] != "1");
    });

    public Task<IReadOnlyList<string>> ListLifecycleBlockedAsync(string tenantId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var members = await _db.SetMembersAsync(_keys.LifecycleBlocked(tenantId));
        return (IReadOnlyList<string>)[.. members.Select(m => (string)m!).Order(StringComparer.Ordinal)];
    });

    public Task RestoreBlocksAsync(string tenantId, IReadOnlyList<LifecycleBlock> blocks, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        // Scripts of a few hundred users, pipelined: one script per user would cost a round trip
        // each, and one script for the whole tenant would stall Redis for every other client.
        var pending = new List<Task<RedisResult>>();
        foreach (var chunk in blocks.Chunk(RestoreChunk))
        {
            var args = new RedisValue[1 + (chunk.Length * 2)];
            args[0] = _keys.UserPrefix(tenantId);
            for (var i = 0; i < chunk.Length; i++)
            {
                args[1 + (i * 2)] = chunk[i].UserId;
                args[2 + (i * 2)] = Milliseconds(chunk[i].Since);
            }
            pending.Add(_db.ScriptEvaluateAsync(RedisScripts.RestoreBlocks, [_keys.LifecycleBlocked(tenantId)], args));
        }
        await Task.WhenAll(pending);
        await RememberTenantAsync(tenantId);
        return true;
    });

    public Task<bool> IsTenantRestoredAsync(string tenantId, CancellationToken cancellationToken) =>
        _requireRestore ? RedisGuard.Run(() => _db.KeyExistsAsync(_keys.Restored(tenantId))) : Task.FromResult(true);

    public Task<string> BeginRestoreAsync(string tenantId, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var token = Guid.NewGuid().ToString("N");
        await _db.StringSetAsync(_keys.Restoring(tenantId), token);
        return token;
    });

    public Task<bool> MarkTenantRestoredAsync(string tenantId, string restoreToken, CancellationToken cancellationToken) => RedisGuard.Run(async () =>
    {
        var result = await _db.ScriptEvaluateAsync(RedisScripts.MarkRestored,
            [_keys.Restoring(tenantId), _keys.Restored(tenantId)], [restoreToken, Milliseconds(_time.GetUtcNow())]);
        return (int)result == 1;
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

    private RedisValue RequireRestore => _requireRestore ? Required : NotRequired;

    private static RegisterOutcome Outcome(int result) => result switch
    {
        1 => RegisterOutcome.Registered,
        0 => RegisterOutcome.Blocked,
        _ => RegisterOutcome.NotRestored,
    };

    private static string OriginField(BlockOrigins origin) => origin switch
    {
        BlockOrigins.Lifecycle => "lc",
        BlockOrigins.Security => "sec",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "One origin per call."),
    };

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
