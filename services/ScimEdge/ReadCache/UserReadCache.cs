using System.Collections.Concurrent;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.ReadCache;

/// <summary>
/// Users the edge has read, per tenant, so that the GET and the userName filter an IdP sends over
/// and over are answered from memory. A tenant's cache is trusted only while Directory's change feed
/// for it is live (<see cref="UserChangeFeed"/>): Directory changes made anywhere reach it within
/// the feed's delay; this edge's own writes reach it at once. Groups come from GroupRole, which has
/// no feed: changes made through this edge invalidate them at once, others show within
/// <see cref="UserCacheOptions.GroupsMaxAge"/>.
/// </summary>
public sealed partial class UserReadCache : IHostedService, IDisposable
{
    private readonly DirectoryService.DirectoryServiceClient _directory;
    private readonly UserCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UserReadCache> _logger;
    private readonly ConcurrentDictionary<string, Watched> _tenants = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _watchGate = new();
    private ITimer? _sweeper;
    private int _disposed;

    public UserReadCache(DirectoryService.DirectoryServiceClient directory, IOptions<UserCacheOptions> options, TimeProvider time, ILogger<UserReadCache> logger)
    {
        _directory = directory;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private sealed record Watched(TenantUserCache Cache, CancellationTokenSource Stop, Task Feed);

    /// <summary>The tenant's cache, watched from now on; null when the cache is off or the edge is stopping.</summary>
    internal TenantUserCache? For(string tenantId)
    {
        if (!_options.Enabled || _stopping.IsCancellationRequested)
        {
            return null;
        }
        if (!_tenants.TryGetValue(tenantId, out var watched))
        {
            // Under a lock, not GetOrAdd: its factory may run twice, and each run would start a feed.
            lock (_watchGate)
            {
                if (!_tenants.TryGetValue(tenantId, out watched))
                {
                    watched = Watch(tenantId);
                    _tenants[tenantId] = watched;
                }
            }
        }
        watched.Cache.Touch(_time.GetTimestamp());
        return watched.Cache;
    }

    /// <summary>Whether <paramref name="user"/> may be served; <paramref name="groupsFresh"/> says whether its groups may too.</summary>
    internal bool IsFresh(TenantUserCache tenant, CachedUser user, out bool groupsFresh)
    {
        var now = _time.GetTimestamp();
        groupsFresh = user.GroupsGeneration == tenant.GroupsGeneration && _time.GetElapsedTime(user.GroupsFetchedAt, now) < _options.GroupsMaxAge;
        return _time.GetElapsedTime(user.CachedAt, now) < _options.MaxAge;
    }

    internal CachedUser Entry(User user, IReadOnlyList<GroupRef> groups, FillTicket ticket)
    {
        var now = _time.GetTimestamp();
        return new CachedUser(user, groups, ticket.GroupsGeneration, now, now);
    }

    internal CachedUser WithGroups(CachedUser user, IReadOnlyList<GroupRef> groups, FillTicket ticket) =>
        user.WithGroups(groups, ticket.GroupsGeneration, _time.GetTimestamp());

    /// <summary>Stores a read, keeping each tenant within <see cref="UserCacheOptions.MaxUsers"/> and <see cref="UserCacheOptions.MaxBytes"/>.</summary>
    internal void Store(TenantUserCache tenant, FillTicket ticket, CachedUser user)
    {
        MakeRoom(tenant);
        tenant.Store(ticket, user);
    }

    internal void StoreAbsent(TenantUserCache tenant, FillTicket ticket, string userNameKey)
    {
        MakeRoom(tenant);
        tenant.StoreAbsent(ticket, userNameKey);
    }

    private void MakeRoom(TenantUserCache tenant)
    {
        if (tenant.Count >= _options.MaxUsers || tenant.Bytes >= _options.MaxBytes)
        {
            // Crude but bounded: a tenant that outgrows its share starts again, which costs reads, never correctness.
            tenant.Clear();
        }
    }

    /// <summary>This edge wrote the user: later reads here must see the write, before the feed reports it.</summary>
    public void UserChanged(string tenantId, string userId, string? newUserName = null)
    {
        if (_tenants.TryGetValue(tenantId, out var watched))
        {
            watched.Cache.Invalidate(userId, newUserName);
        }
    }

    /// <summary>This edge changed a group or memberships in the tenant: every cached user's groups are stale.</summary>
    public void GroupsChanged(string tenantId)
    {
        if (_tenants.TryGetValue(tenantId, out var watched))
        {
            watched.Cache.GroupsChanged();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, Math.Min(TimeSpan.FromSeconds(30).Ticks, _options.IdleTenantTimeout.Ticks / 2)));
        _sweeper = _time.CreateTimer(_ => StopIdleTenants(), null, period, period);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _sweeper?.Dispose();
        var feeds = _tenants.Values.Select(w => w.Feed).ToArray();
        foreach (var watched in _tenants.Values)
        {
            await watched.Stop.CancelAsync();
        }
        await Task.WhenAll(feeds).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        // Registered as itself and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _sweeper?.Dispose();
        _stopping.Cancel();
        foreach (var watched in _tenants.Values)
        {
            watched.Stop.Cancel();
            watched.Stop.Dispose();
        }
        _stopping.Dispose();
    }

    private Watched Watch(string tenantId)
    {
        var cache = new TenantUserCache(tenantId);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var feed = new UserChangeFeed(cache, _directory, _time, _logger);
        LogWatching(_logger, tenantId);
        return new Watched(cache, stop, Task.Run(() => feed.RunAsync(stop.Token), CancellationToken.None));
    }

    private void StopIdleTenants()
    {
        var now = _time.GetTimestamp();
        foreach (var (tenantId, watched) in _tenants)
        {
            if (_time.GetElapsedTime(watched.Cache.LastUsed, now) >= _options.IdleTenantTimeout
                && _tenants.TryRemove(new KeyValuePair<string, Watched>(tenantId, watched)))
            {
                // A request holding the old cache may still store into it; nobody reads it again.
                watched.Stop.Cancel();
                _ = watched.Feed.ContinueWith(_ => watched.Stop.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                LogIdle(_logger, tenantId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watching user changes of tenant {TenantId} for the read cache.")]
    private static partial void LogWatching(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tenant {TenantId} was not read for a while; its cached users are dropped.")]
    private static partial void LogIdle(ILogger logger, string tenantId);
}
