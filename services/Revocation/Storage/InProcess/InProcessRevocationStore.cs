using System.Collections.Concurrent;
using Identity.Revocation.Domain;
using Identity.Revocation.Feed;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Storage.InProcess;

/// <summary>
/// The embedded store for the DevHost and single-process deployments: everything in memory
/// under one lock, which makes each operation trivially atomic. State dies with the process, and
/// so do the restored-tenant markers: a new process vouches for no tenant until it is rebuilt.
/// </summary>
public sealed class InProcessRevocationStore : IRevocationStore
{
    private const int SweepEvery = 1024;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, InProcessTenant> _tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _restored = new(StringComparer.Ordinal);
    private readonly bool _requireRestore;
    private readonly TenantSignals _signals = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _grace;
    private readonly int _feedMaxLength;
    private int _writesSinceSweep;

    public InProcessRevocationStore(IOptions<RevocationStorageOptions> options, TimeProvider time)
    {
        _time = time;
        _grace = options.Value.ExpiredGrace;
        _feedMaxLength = options.Value.FeedMaxLength;
        _requireRestore = options.Value.FailClosedUntilRebuilt ?? false;
    }

    public Task<RegisterOutcome> TryRegisterSessionAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!IsRestored(session.TenantId))
            {
                return Task.FromResult(RegisterOutcome.NotRestored);
            }
            var tenant = Write(session.TenantId);
            if (tenant.UserOf(session.UserId).Blocked)
            {
                return Task.FromResult(RegisterOutcome.Blocked);
            }
            tenant.Sessions[(session.UserId, session.SessionId)] = new StoredSession(session, Revoked: false);
            InProcessTenant.AddIndex(tenant.SessionsByUser, session.UserId, session.SessionId);
            return Task.FromResult(RegisterOutcome.Registered);
        }
    }

    // Lock-free: see InProcessTenant for why a reader cannot see a half-applied revocation.
    public Task<SessionCheck> CheckSessionAsync(string tenantId, string userId, string sessionId, CancellationToken cancellationToken)
    {
        var restored = IsRestored(tenantId);
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            return Task.FromResult(new SessionCheck(restored ? CredentialState.Unknown : CredentialState.NotRestored, null));
        }
        var user = tenant.UserOf(userId) with { TenantNotRestored = !restored };
        if (!tenant.Sessions.TryGetValue((userId, sessionId), out var stored))
        {
            return Task.FromResult(new SessionCheck(CredentialRules.WithoutCredential(user), null));
        }
        var record = stored.Record;
        var state = CredentialRules.Evaluate(user, record.IssuedAt, record.ExpiresAt, stored.Revoked, _time.GetUtcNow(), _grace);
        return Task.FromResult(new SessionCheck(state, state == CredentialState.Unknown ? null : record.ExpiresAt));
    }

    public Task<bool> RevokeSessionAsync(string tenantId, string userId, string sessionId, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            var now = _time.GetUtcNow();
            if (!tenant.Sessions.TryGetValue((userId, sessionId), out var stored) || stored.Revoked
                || CredentialRules.IsForgotten(stored.Record.ExpiresAt, now, _grace))
            {
                return Task.FromResult(false);
            }
            tenant.Sessions[(userId, sessionId)] = stored with { Revoked = true };
            Emit(tenant, tenantId, now, id => new RevocationEventRecord(tenantId, id, RevocationEventKind.SessionRevoked, userId, sessionId, null, null, now, reason));
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SessionRecord> sessions = [];
            if (_tenants.TryGetValue(tenantId, out var tenant) && tenant.SessionsByUser.TryGetValue(userId, out var ids))
            {
                var now = _time.GetUtcNow();
                sessions = ids.Select(id => tenant.Sessions[(userId, id)])
                    .Where(s => !s.Revoked && s.Record.ExpiresAt > now)
                    .Select(s => s.Record)
                    .OrderBy(s => s.ExpiresAt).ThenBy(s => s.SessionId, StringComparer.Ordinal)
                    .ToList();
            }
            return Task.FromResult(sessions);
        }
    }

    public Task<RegisterOutcome> TryRegisterTokenAsync(TokenRecord token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!IsRestored(token.TenantId))
            {
                return Task.FromResult(RegisterOutcome.NotRestored);
            }
            var tenant = Write(token.TenantId);
            if (tenant.UserOf(token.UserId).Blocked)
            {
                return Task.FromResult(RegisterOutcome.Blocked);
            }
            if (tenant.Tokens.TryGetValue(token.TokenId, out var previous))
            {
                InProcessTenant.RemoveIndex(tenant.TokensByUser, previous.Record.UserId, token.TokenId);
            }
            tenant.Tokens[token.TokenId] = new StoredToken(token, Revoked: false);
            InProcessTenant.AddIndex(tenant.TokensByUser, token.UserId, token.TokenId);
            return Task.FromResult(RegisterOutcome.Registered);
        }
    }

    public Task<TokenCheck> CheckTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken)
    {
        var restored = IsRestored(tenantId);
        if (!_tenants.TryGetValue(tenantId, out var tenant) || !tenant.Tokens.TryGetValue(tokenId, out var stored))
        {
            return Task.FromResult(new TokenCheck(restored ? CredentialState.Unknown : CredentialState.NotRestored, null, null));
        }
        var record = stored.Record;
        var state = CredentialRules.Evaluate(tenant.UserOf(record.UserId) with { TenantNotRestored = !restored }, record.IssuedAt, record.ExpiresAt, stored.Revoked, _time.GetUtcNow(), _grace);
        return Task.FromResult(state is CredentialState.Unknown or CredentialState.NotRestored
            ? new TokenCheck(state, null, null)
            : new TokenCheck(state, record.UserId, record.ExpiresAt));
    }

    public Task<bool> RevokeTokenAsync(string tenantId, string tokenId, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            var now = _time.GetUtcNow();
            if (!tenant.Tokens.TryGetValue(tokenId, out var stored) || stored.Revoked
                || CredentialRules.IsForgotten(stored.Record.ExpiresAt, now, _grace))
            {
                return Task.FromResult(false);
            }
            tenant.Tokens[tokenId] = stored with { Revoked = true };
            var userId = stored.Record.UserId;
            Emit(tenant, tenantId, now, id => new RevocationEventRecord(tenantId, id, RevocationEventKind.TokenRevoked, userId, null, tokenId, null, now, reason));
            return Task.FromResult(true);
        }
    }

    public Task<UserRevocation> RevokeUserAsync(string tenantId, string userId, BlockOrigins origin, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            var now = _time.GetUtcNow();
            var current = tenant.UserOf(userId);
            var previous = current.Watermark;
            // Millisecond precision, like the Redis store, and never backwards.
            var watermark = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            if (previous is { } earlier && earlier > watermark)
            {
                watermark = earlier;
            }
            tenant.Users[userId] = new UserState(current.Blocks | origin, watermark);

            var sessions = 0;
            if (tenant.SessionsByUser.Remove(userId, out var sessionIds))
            {
                foreach (var sessionId in sessionIds)
                {
                    if (tenant.Sessions.TryRemove((userId, sessionId), out var session) && !session.Revoked && session.Record.ExpiresAt > now)
                    {
                        sessions++;
                    }
                }
            }
            var tokens = 0;
            if (tenant.TokensByUser.TryGetValue(userId, out var tokenIds))
            {
                foreach (var tokenId in tokenIds)
                {
                    var token = tenant.Tokens[tokenId];
                    if (!token.Revoked && token.Record.ExpiresAt > now)
                    {
                        tenant.Tokens[tokenId] = token with { Revoked = true };
                        tokens++;
                    }
                }
            }
            var eventId = Emit(tenant, tenantId, now, id => new RevocationEventRecord(tenantId, id, RevocationEventKind.UserRevoked, userId, null, null, watermark, now, reason, origin));
            return Task.FromResult(new UserRevocation(watermark, sessions, tokens, eventId));
        }
    }

    public Task<UnblockResult> UnblockUserAsync(string tenantId, string userId, BlockOrigins origin, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            var state = tenant.UserOf(userId);
            if ((state.Blocks & origin) == BlockOrigins.None)
            {
                return Task.FromResult(new UnblockResult(WasBlocked: false, StillBlocked: state.Blocked));
            }
            var remaining = state with { Blocks = state.Blocks & ~origin };
            tenant.Users[userId] = remaining;
            if (!remaining.Blocked)
            {
                var now = _time.GetUtcNow();
                Emit(tenant, tenantId, now, id => new RevocationEventRecord(
                    tenantId, id, RevocationEventKind.UserUnblocked, userId, null, null, state.Watermark, now, string.Empty, origin));
            }
            return Task.FromResult(new UnblockResult(WasBlocked: true, StillBlocked: remaining.Blocked));
        }
    }

    public Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var state = _tenants.TryGetValue(tenantId, out var tenant) ? tenant.UserOf(userId) : default;
        return Task.FromResult(state with { TenantNotRestored = !IsRestored(tenantId) });
    }

    public Task<IReadOnlyList<string>> ListLifecycleBlockedAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> users = _tenants.TryGetValue(tenantId, out var tenant)
                ? [.. tenant.Users.Where(u => u.Value.Blocks.HasFlag(BlockOrigins.Lifecycle)).Select(u => u.Key).Order(StringComparer.Ordinal)]
                : [];
            return Task.FromResult(users);
        }
    }

    public Task RestoreBlocksAsync(string tenantId, IReadOnlyList<LifecycleBlock> blocks, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            foreach (var block in blocks)
            {
                var current = tenant.UserOf(block.UserId);
                var since = DateTimeOffset.FromUnixTimeMilliseconds(block.Since.ToUnixTimeMilliseconds());
                var watermark = current.Watermark is { } earlier && earlier > since ? earlier : since;
                tenant.Users[block.UserId] = new UserState(current.Blocks | BlockOrigins.Lifecycle, watermark);
            }
            return Task.CompletedTask;
        }
    }

    public Task<bool> IsTenantRestoredAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(IsRestored(tenantId));

    // The state dies only with the process, which takes any rebuild in progress with it: no token to check.
    public Task<string> BeginRestoreAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(Guid.NewGuid().ToString("N"));

    public Task<bool> MarkTenantRestoredAsync(string tenantId, string restoreToken, CancellationToken cancellationToken)
    {
        _restored[tenantId] = true;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<string>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _tenants.Keys.Order(StringComparer.Ordinal)]);
        }
    }

    public Task<FeedPosition> GetLatestEventIdAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tenants.TryGetValue(tenantId, out var tenant) ? tenant.Feed.Last : FeedPosition.Zero);
        }
    }

    public Task<FeedRead> ReadEventsAsync(string tenantId, FeedPosition after, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tenants.TryGetValue(tenantId, out var tenant)
                ? tenant.Feed.Read(after, maxCount)
                : new FeedRead([], Gap: after > FeedPosition.Zero));
        }
    }

    public Task WhenEventAppended(string tenantId) => _signals.WhenFired(tenantId);

    private bool IsRestored(string tenantId) => !_requireRestore || _restored.ContainsKey(tenantId);

    private InProcessTenant Write(string tenantId)
    {
        if (++_writesSinceSweep >= SweepEvery)
        {
            _writesSinceSweep = 0;
            var now = _time.GetUtcNow();
            foreach (var existing in _tenants.Values)
            {
                existing.Sweep(now, _grace);
            }
        }
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            tenant = new InProcessTenant(_feedMaxLength);
            _tenants[tenantId] = tenant;
        }
        return tenant;
    }

    private string Emit(InProcessTenant tenant, string tenantId, DateTimeOffset now, Func<string, RevocationEventRecord> create)
    {
        var id = tenant.Feed.NextId(now).ToString();
        tenant.Feed.Append(create(id));
        _signals.Fire(tenantId);
        return id;
    }
}
