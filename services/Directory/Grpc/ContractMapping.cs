using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Tenancy;

namespace Identity.Directory.Grpc;

internal static class ContractMapping
{
    public static Tenant ToContract(this TenantRecord tenant) => new()
    {
        Id = tenant.Id,
        DisplayName = tenant.DisplayName,
        Created = Timestamp.FromDateTimeOffset(tenant.Created),
        IdpProfile = tenant.IdpProfile,
        LenientAttributes = tenant.LenientAttributes,
    };

    public static TokenInfo ToContract(this TokenRecord token)
    {
        var info = new TokenInfo
        {
            TenantId = token.TenantId,
            TokenId = token.TokenId,
            Description = token.Description,
            Created = Timestamp.FromDateTimeOffset(token.Created),
        };
        if (token.Expires is { } expires)
        {
            info.Expires = Timestamp.FromDateTimeOffset(expires);
        }
        if (token.Revoked is { } revoked)
        {
            info.Revoked = Timestamp.FromDateTimeOffset(revoked);
        }
        return info;
    }
}
