using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.ProvisioningLog;

/// <summary>
/// The last N SCIM requests of each tenant, in memory. It exists to answer "what did my IdP just
/// send, and what did we say?" while someone is troubleshooting a connector; the durable record
/// of changes is Directory's audit trail. Being in memory, it is per replica and lost on restart:
/// behind a load balancer with several edge replicas each one shows only the requests it served.
/// </summary>
public sealed class ProvisioningLogBuffer(IOptions<ProvisioningLogOptions> options)
{
    private readonly ConcurrentDictionary<string, Ring> _tenants = new(StringComparer.Ordinal);

    public int Capacity => options.Value.Capacity;

    public void Add(string tenantId, ProvisioningLogEntry entry) =>
        _tenants.GetOrAdd(tenantId, static (_, capacity) => new Ring(capacity), Capacity).Add(entry);

    /// <summary>The tenant's entries, newest first, that pass <paramref name="include"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ProvisioningLogEntry> Read(string tenantId, int limit, Func<ProvisioningLogEntry, bool> include) =>
        _tenants.TryGetValue(tenantId, out var ring) ? ring.NewestFirst(limit, include) : [];

    private sealed class Ring(int capacity)
    {
        private readonly Lock _lock = new();
        private readonly ProvisioningLogEntry[] _items = new ProvisioningLogEntry[capacity];
        private int _next;
        private int _count;

        public void Add(ProvisioningLogEntry entry)
        {
            lock (_lock)
            {
                _items[_next] = entry;
                _next = (_next + 1) % _items.Length;
                _count = Math.Min(_count + 1, _items.Length);
            }
        }

        public List<ProvisioningLogEntry> NewestFirst(int limit, Func<ProvisioningLogEntry, bool> include)
        {
            ProvisioningLogEntry[] snapshot;
            lock (_lock)
            {
                snapshot = new ProvisioningLogEntry[_count];
                for (var i = 0; i < _count; i++)
                {
                    snapshot[i] = _items[(_next - 1 - i + _items.Length) % _items.Length];
                }
            }
            return [.. snapshot.Where(include).Take(limit)];
        }
    }
}
