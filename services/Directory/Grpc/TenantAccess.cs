using Identity.Directory.Tenancy;

namespace Identity.Directory.Grpc;

/// <summary>What the tenant and token RPCs need, grouped so the service keeps a short constructor.</summary>
public sealed record TenantAccess(ITenantStore Store, TokenService Tokens, TenantGuard Guard);
