using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;

namespace Identity.Revocation.Reconciliation;

/// <summary>The two services a pass reads and repairs besides Revocation's own store; GroupRole is optional.</summary>
internal sealed record ReconcilerClients(DirectoryService.DirectoryServiceClient Directory, GroupRoleService.GroupRoleServiceClient? Groups);
