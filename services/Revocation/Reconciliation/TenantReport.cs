namespace Identity.Revocation.Reconciliation;

/// <summary>One tenant's share of a <see cref="ReconcileReport"/>.</summary>
internal sealed class TenantReport
{
    private int _blocksAdded;
    private int _suspensionsAdded;

    public int InactiveUsers { get; set; }

    public int BlocksAdded => _blocksAdded;

    public int StaleBlocksLifted { get; set; }

    public int SuspensionsAdded => _suspensionsAdded;

    public bool Rebuilt { get; set; }

    // Incremented from the parallel per-user checks.
    public void BlockAdded() => Interlocked.Increment(ref _blocksAdded);

    public void SuspensionAdded() => Interlocked.Increment(ref _suspensionsAdded);
}
