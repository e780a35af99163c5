namespace Identity.Revocation.Reconciliation;

/// <summary>The kinds of drift the reconciler repairs.</summary>
public enum RepairKind
{
    /// <summary>Directory has the user inactive or deleted; Revocation held no block.</summary>
    BlockAdded,

    /// <summary>Directory has the user active; Revocation still held a lifecycle block.</summary>
    StaleBlockLifted,

    /// <summary>Directory has the user inactive or deleted; GroupRole did not suspend them.</summary>
    SuspensionAdded,
}

internal static class RepairKinds
{
    public static string MetricName(this RepairKind kind) => kind switch
    {
        RepairKind.BlockAdded => "block_added",
        RepairKind.StaleBlockLifted => "stale_block_lifted",
        _ => "suspension_added",
    };
}
