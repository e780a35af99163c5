using System.Collections.Concurrent;
using Grpc.Core;
using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Client;

/// <summary>
/// Checks sessions against the Revocation service with a local cache: a repeated check is a
/// memory lookup, and a revocation reaches this process through the tenant's revocation feed,
/// which drops the affected answers as soon as it arrives. Create one per process and share it.
/// </summary>
public sealed class CachedSessionChecker : IAsyncDisposable
{
    private readonly RevocationService.RevocationServiceClient _client;
    private readonly RevocationClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TenantCache> _tenants = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly long _ttlTimestamp;

    /// <summary>Creates a checker calling <paramref name="client"/>; watchers start per tenant on its first check.</summary>
    public CachedSessionChecker(RevocationService.RevocationServiceClient client, RevocationClientOptions? options = null, TimeProvider? time = null)
    {
        _client = client;
        _options = options ?? new RevocationClientOptions();
        _time = time ?? TimeProvider.System;
        _ttlTimestamp = ToTimestampTicks(_options.CacheTtl);
    }

    /// <summary>
    /// Whether the session may be used. Answers from memory when a VALID answer is cached and the
    /// tenant's feed is subscribed; otherwise asks the service. Never throws for an unreachable
    /// service: the verdict is then <see cref="SessionVerdict.Degraded"/>. While the service rebuilds
    /// the tenant's blocks the verdict is <see cref="SessionVerdict.Rebuilding"/> and never allowed,
    /// even with <see cref="RevocationClientOptions.FailOpen"/>: the service is up and says it cannot vouch yet.
    /// </summary>
    public ValueTask<SessionVerdict> CheckSessionAsync(string tenantId, string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(tenantId);
        if (tenant.TryGet(userId, sessionId, _time.GetTimestamp()))
        {
            return new ValueTask<SessionVerdict>(new SessionVerdict(CredentialStatus.Valid, IsAllowed: true, FromCache: true, Degraded: false));
        }
        return new ValueTask<SessionVerdict>(AskAsync(tenant, tenantId, userId, sessionId, cancellationToken));
    }

    /// <summary>Completes once the tenant's feed is subscribed, i.e. once answers can be cached (useful at startup and in tests).</summary>
    public async Task WaitUntilWatchingAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var tenant = Tenant(tenantId);
        while (!tenant.IsLive)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every feed watcher.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var tenant in _tenants.Values)
        {
            if (tenant.Watcher is { } watcher)
            {
                await watcher.ConfigureAwait(false);
            }
        }
        _stopping.Dispose();
    }

    private async Task<SessionVerdict> AskAsync(TenantCache tenant, string tenantId, string userId, string sessionId, CancellationToken cancellationToken)
    {
        var epoch = tenant.Epoch;
        var wasLive = tenant.IsLive;
        CheckSessionResponse response;
        try
        {
            response = await _client.CheckSessionAsync(
                new CheckSessionRequest { TenantId = tenantId, UserId = userId, SessionId = sessionId },
                deadline: _time.GetUtcNow().UtcDateTime + _options.CheckTimeout,
                cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException ex) when (RevocationErrors.IsRebuilding(ex) && !cancellationToken.IsCancellationRequested)
        {
            return new SessionVerdict(CredentialStatus.Unspecified, IsAllowed: false, FromCache: false, Degraded: true) { Rebuilding = true };
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && !cancellationToken.IsCancellationRequested)
        {
            // A tenant Directory does not know: nobody in it holds a session.
            return new SessionVerdict(CredentialStatus.Unknown, IsAllowed: false, FromCache: false, Degraded: false);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown
            && !cancellationToken.IsCancellationRequested)
        {
            return new SessionVerdict(CredentialStatus.Unspecified, IsAllowed: _options.FailOpen, FromCache: false, Degraded: true);
        }

        var valid = response.Status == CredentialStatus.Valid;
        if (valid && wasLive && response.ExpiresAt is { } expiresAt)
        {
            var remaining = expiresAt.ToDateTimeOffset() - _time.GetUtcNow();
            var lifetime = Math.Min(_ttlTimestamp, ToTimestampTicks(remaining));
            if (lifetime > 0)
            {
                tenant.Store(userId, sessionId, _time.GetTimestamp() + lifetime, epoch);
            }
        }
        return new SessionVerdict(response.Status, valid, FromCache: false, Degraded: false);
    }

    private TenantCache Tenant(string tenantId)
    {
        if (_tenants.TryGetValue(tenantId, out var existing))
        {
            return existing;
        }
        var created = new TenantCache(_options.MaxEntriesPerTenant);
        var tenant = _tenants.GetOrAdd(tenantId, created);
        if (ReferenceEquals(tenant, created))
        {
            var watcher = new FeedWatcher(_client, tenantId, tenant, _options, _time);
            tenant.Watcher = Task.Run(() => watcher.RunAsync(_stopping.Token));
        }
        return tenant;
    }

    private long ToTimestampTicks(TimeSpan span) =>
        span <= TimeSpan.Zero ? 0 : (long)(span.TotalSeconds * _time.TimestampFrequency);
}
