using Identity.Contracts.GroupRole.V1;

namespace Identity.GroupRole.Grpc;

/// <summary>Implements <c>identity.grouprole.v1.GroupRoleService</c>; methods answer UNIMPLEMENTED until the GroupRole issue lands.</summary>
public sealed class GroupRoleGrpcService : GroupRoleService.GroupRoleServiceBase
{
}
