using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Grpc;

/// <summary>Implements <c>identity.revocation.v1.RevocationService</c>; methods answer UNIMPLEMENTED until the Revocation issue lands.</summary>
public sealed class RevocationGrpcService : RevocationService.RevocationServiceBase
{
}
