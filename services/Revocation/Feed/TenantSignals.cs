using System.Collections.Concurrent;

namespace Identity.Revocation.Feed;

/// <summary>
/// Per-tenant "something was appended" signals. A waiter takes the current task; a fire
/// completes it and drops it, so the next waiter gets a fresh one and idle tenants hold nothing.
/// </summary>
public sealed class TenantSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pending = new(StringComparer.Ordinal);

    public Task WhenFired(string tenantId) =>
        _pending.GetOrAdd(tenantId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Fire(string tenantId)
    {
        if (_pending.TryRemove(tenantId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>Wakes every waiter, e.g. after a reconnect when notifications may have been lost.</summary>
    public void FireAll()
    {
        foreach (var tenantId in _pending.Keys)
        {
            Fire(tenantId);
        }
    }
}
