using System.ComponentModel.DataAnnotations;

namespace Identity.Revocation.Reconciliation;

/// <summary>
/// The reconciler that keeps Revocation's blocks and GroupRole's suspensions in step with Directory.
/// Bound from <c>Reconciler</c> (<c>Reconciler__Interval</c>); the addresses fall back to
/// <c>Downstream__Directory</c> and <c>Downstream__GroupRole</c>.
/// </summary>
public sealed class RevocationReconcilerOptions
{
    public const string SectionName = "Reconciler";

    /// <summary>Run on a schedule. Unset: on exactly when a Directory address is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Time between scheduled passes; the first pass runs at start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Directory's gRPC address (http://, static:// or consul://).</summary>
    public string? DirectoryAddress { get; set; }

    /// <summary>GroupRole's gRPC address; unset: suspensions are not reconciled.</summary>
    public string? GroupRoleAddress { get; set; }

    /// <summary>Tenants per page of Directory's tenant list.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 200;

    /// <summary>Users checked at once (store reads and GroupRole calls) while walking a tenant's inactive users.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    public bool IsScheduled => Enabled ?? !string.IsNullOrWhiteSpace(DirectoryAddress);
}
