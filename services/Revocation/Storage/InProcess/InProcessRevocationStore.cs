using System.Collections.Concurrent;
using Identity.Revocation.Domain;
using Identity.Revocation.Feed;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Storage.InProcess;

/// <summary>
/// The embedded store for the DevHost and single-process deployments: everything in memory
/// under one lock, which makes each operation trivially atomic. State dies with the process.
/// </summary>
public sealed class InProcessRevocationStore : IRevocationStore
{
    private const int SweepEvery = 1024;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, InProcessTenant> _tenants = new(StringComparer.Ordinal);
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
    }

    public Task<bool> TryRegisterSessionAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(session.TenantId);
            if (tenant.UserOf(session.UserId).Blocked)
            {
                return Task.FromResult(false);
            }
            tenant.Sessions[(session.UserId, session.SessionId)] = new StoredSession(session, Revoked: false);
            InProcessTenant.AddIndex(tenant.SessionsByUser, session.UserId, session.SessionId);
            return Task.FromResult(true);
        }
    }

    // Lock-free: see InProcessTenant for why a reader cannot see a half-applied revocation.
    public Task<SessionCheck> CheckSessionAsync(string tenantId, string userId, string sessionId, CancellationToken cancellationToken)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            return Task.FromResult(new SessionCheck(CredentialState.Unknown, null));
        }
        var user = tenant.UserOf(userId);
        if (!tenant.Sessions.TryGetValue((userId, sessionId), out var stored))
        {
            return Task.FromResult(new SessionCheck(user.Blocked ? CredentialState.Blocked : CredentialState.Unknown, null));
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

    public Task<bool> TryRegisterTokenAsync(TokenRecord token, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(token.TenantId);
            if (tenant.UserOf(token.UserId).Blocked)
            {
                return Task.FromResult(false);
            }
            if (tenant.Tokens.TryGetValue(token.TokenId, out var previous))
            {
                InProcessTenant.RemoveIndex(tenant.TokensByUser, previous.Record.UserId, token.TokenId);
            }
            tenant.Tokens[token.TokenId] = new StoredToken(token, Revoked: false);
            InProcessTenant.AddIndex(tenant.TokensByUser, token.UserId, token.TokenId);
            return Task.FromResult(true);
        }
    }

    public Task<TokenCheck> CheckTokenAsync(string tenantId, string tokenId, CancellationToken cancellationToken)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant) || !tenant.Tokens.TryGetValue(tokenId, out var stored))
        {
            return Task.FromResult(new TokenCheck(CredentialState.Unknown, null, null));
        }
        var record = stored.Record;
        var state = CredentialRules.Evaluate(tenant.UserOf(record.UserId), record.IssuedAt, record.ExpiresAt, stored.Revoked, _time.GetUtcNow(), _grace);
        return Task.FromResult(state == CredentialState.Unknown
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

    public Task<UserRevocation> RevokeUserAsync(string tenantId, string userId, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            var now = _time.GetUtcNow();
            var previous = tenant.UserOf(userId).Watermark;
            // Millisecond precision, like the Redis store, and never backwards.
            var watermark = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            if (previous is { } earlier && earlier > watermark)
            {
                watermark = earlier;
            }
            tenant.Users[userId] = new UserState(Blocked: true, watermark);

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
            var eventId = Emit(tenant, tenantId, now, id => new RevocationEventRecord(tenantId, id, RevocationEventKind.UserRevoked, userId, null, null, watermark, now, reason));
            return Task.FromResult(new UserRevocation(watermark, sessions, tokens, eventId));
        }
    }

    public Task<bool> UnblockUserAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var tenant = Write(tenantId);
            var state = tenant.UserOf(userId);
            if (!state.Blocked)
            {
                return Task.FromResult(false);
            }
            tenant.Users[userId] = state with { Blocked = false };
            var now = _time.GetUtcNow();
            Emit(tenant, tenantId, now, id => new RevocationEventRecord(tenantId, id, RevocationEventKind.UserUnblocked, userId, null, null, state.Watermark, now, string.Empty));
            return Task.FromResult(true);
        }
    }

    public Task<UserState> GetUserStateAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        return Task.FromResult(_tenants.TryGetValue(tenantId, out var tenant) ? tenant.UserOf(userId) : default);
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
