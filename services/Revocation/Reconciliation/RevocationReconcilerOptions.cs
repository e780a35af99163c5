using System.ComponentModel.DataAnnotations;

namespace Identity.Revocation.Reconciliation;

/// <summary>
/// The reconciler that blocks users Directory has deactivated or deleted but Revocation does not
/// know about. Bound from <c>Reconciler</c> (<c>Reconciler__Interval</c>); the Directory address
/// falls back to <c>Downstream__Directory</c>.
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

    /// <summary>
    /// Tenants to reconcile besides those Revocation already holds state for. Directory has no
    /// tenant listing RPC, so a tenant no app has registered anything in must be named here.
    /// </summary>
    public IList<string> Tenants { get; } = [];

    [Range(1, 1000)]
    public int PageSize { get; set; } = 200;

    public bool IsScheduled => Enabled ?? !string.IsNullOrWhiteSpace(DirectoryAddress);
}
