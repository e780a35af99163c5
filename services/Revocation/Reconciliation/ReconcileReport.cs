namespace Identity.Revocation.Reconciliation;

/// <summary>What one reconciler pass found: users Directory says are out, and how many of them it had to block.</summary>
public sealed record ReconcileReport(int Tenants, int InactiveUsers, int UsersBlocked, IReadOnlyList<string> FailedTenants);
