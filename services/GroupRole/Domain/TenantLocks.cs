using System.Collections.Concurrent;

namespace Identity.GroupRole.Domain;

/// <summary>
/// One async lock per tenant, held while a group-in-group membership is checked for cycles and
/// written: two requests each adding one half of a cycle would otherwise both pass the check.
/// In-process only; see MembershipService for what that means with several Mongo-backed replicas.
/// </summary>
public sealed class TenantLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string tenantId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
