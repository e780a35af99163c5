using Identity.Contracts.Common.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;

namespace Identity.ScimEdge.Lifecycle;

/// <summary>
/// Deny-first deprovisioning. Deactivation and deletion revoke every session and token and
/// suspend roles *before* Directory is written, so a failure half-way leaves the user locked
/// out, never the reverse; reactivation writes Directory first and unblocks after. Every call
/// is idempotent, so the IdP's retry of a half-done request finishes it. The IdP's blocks are
/// lifecycle blocks: a reactivation lifts only those, never an operator's security block.
/// </summary>
public sealed class AccessLifecycle(
    RevocationService.RevocationServiceClient revocation,
    GroupRoleService.GroupRoleServiceClient groups)
{
    /// <summary>Before Directory records active=false: revoke everything, block new sessions, suspend roles.</summary>
    public async Task DenyAsync(string tenantId, string userId, string reason, MutationContext context, CancellationToken cancellationToken)
    {
        await revocation.RevokeUserAsync(new RevokeUserRequest { TenantId = tenantId, UserId = userId, Reason = reason, Origin = BlockOrigin.Lifecycle },
            cancellationToken: cancellationToken);
        await groups.SetUserSuspendedAsync(new SetUserSuspendedRequest { TenantId = tenantId, UserId = userId, Suspended = true, Context = context },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// After Directory records active=true: lift the lifecycle block and the suspension. Old sessions
    /// stay revoked, and a security block stays (the user remains blocked until an operator lifts it).
    /// While Revocation rebuilds the tenant it answers UNAVAILABLE: the edge answers 503 and the IdP retries.
    /// </summary>
    public async Task RestoreAsync(string tenantId, string userId, MutationContext context, CancellationToken cancellationToken)
    {
        await revocation.UnblockUserAsync(new UnblockUserRequest { TenantId = tenantId, UserId = userId, Origin = BlockOrigin.Lifecycle },
            cancellationToken: cancellationToken);
        await groups.SetUserSuspendedAsync(new SetUserSuspendedRequest { TenantId = tenantId, UserId = userId, Suspended = false, Context = context },
            cancellationToken: cancellationToken);
    }

    /// <summary>Before Directory deletes: deny, then drop every membership.</summary>
    public async Task DenyForDeleteAsync(string tenantId, string userId, MutationContext context, CancellationToken cancellationToken)
    {
        await DenyAsync(tenantId, userId, "deleted", context, cancellationToken);
        await groups.RemoveUserEverywhereAsync(new RemoveUserEverywhereRequest { TenantId = tenantId, UserId = userId, Context = context },
            cancellationToken: cancellationToken);
    }

    /// <summary>Records the roles the IdP set on the user itself (Entra ID fills them from app role assignments).</summary>
    public async Task SetUserRolesAsync(string tenantId, string userId, IReadOnlyList<string> roles, MutationContext context, CancellationToken cancellationToken)
    {
        await groups.SetUserRolesAsync(new SetUserRolesRequest { TenantId = tenantId, UserId = userId, Roles = { roles }, Context = context },
            cancellationToken: cancellationToken);
    }
}
