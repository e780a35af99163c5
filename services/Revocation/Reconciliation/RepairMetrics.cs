using System.Diagnostics.Metrics;

namespace Identity.Revocation.Reconciliation;

/// <summary>
/// Counts every repair the reconciler and the rebuild make, so drift between Directory, GroupRole
/// and Revocation is visible on a dashboard rather than only in logs. Meter <c>Identity.Revocation</c>.
/// </summary>
public sealed class RepairMetrics
{
    public const string MeterName = "Identity.Revocation";

    private readonly Counter<long> _repairs;
    private readonly Counter<long> _rebuilds;
    private readonly Counter<long> _rebuiltBlocks;

    public RepairMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _repairs = meter.CreateCounter<long>("identity.revocation.reconciler.repairs", "{repair}",
            "Drift the reconciler repaired, by kind (block_added, stale_block_lifted, suspension_added).");
        _rebuilds = meter.CreateCounter<long>("identity.revocation.rebuild.tenants", "{tenant}",
            "Tenants whose blocks were rebuilt from Directory after Revocation lost its state.");
        _rebuiltBlocks = meter.CreateCounter<long>("identity.revocation.rebuild.blocks", "{block}",
            "Lifecycle blocks restored from Directory by rebuilds.");
    }

    public void Repaired(RepairKind kind) => _repairs.Add(1, new KeyValuePair<string, object?>("kind", kind.MetricName()));

    public void TenantRebuilt(int blocks)
    {
        _rebuilds.Add(1);
        _rebuiltBlocks.Add(blocks);
    }
}
