namespace Identity.Revocation.Reconciliation;

/// <summary>
/// What one reconciler pass found and repaired: tenants walked (Directory's list), users Directory
/// has out (deactivated or deleted), each kind of repair, tenants whose lost blocks it rebuilt first,
/// and tenants it could not finish.
/// </summary>
public sealed record ReconcileReport(
    int Tenants,
    int InactiveUsers,
    int BlocksAdded,
    int StaleBlocksLifted,
    int SuspensionsAdded,
    int TenantsRebuilt,
    IReadOnlyList<string> FailedTenants)
{
    public int Repairs => BlocksAdded + StaleBlocksLifted + SuspensionsAdded;
}
