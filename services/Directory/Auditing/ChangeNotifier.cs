using System.Collections.Concurrent;

namespace Identity.Directory.Auditing;

/// <summary>
/// Wakes in-process watchers of a tenant's feed as soon as a write commits, so WatchUsers
/// does not wait for its poll; writes from other processes (a shared MongoDB) are found by the poll.
/// </summary>
public sealed class ChangeNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the tenant's next change.</summary>
    public Task NextChangeAsync(string tenantId) =>
        _signals.GetOrAdd(tenantId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string tenantId)
    {
        if (_signals.TryRemove(tenantId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
