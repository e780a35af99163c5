using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Tenancy;

namespace Identity.Directory.Grpc;

/// <summary>
/// Implements <c>identity.directory.v1.DirectoryService</c>. User methods answer UNIMPLEMENTED
/// (the base class) until the Directory issue lands; tenants and tokens are real.
/// </summary>
public sealed class DirectoryGrpcService(ITenantStore tenants, TokenService tokens, TimeProvider time) : DirectoryService.DirectoryServiceBase
{
    // Bounds how long the edge may cache a successful authentication.
    private static readonly TimeSpan AuthenticationCacheBound = TimeSpan.FromSeconds(30);

    public override async Task<CreateTenantResponse> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        var id = string.IsNullOrEmpty(request.TenantId) ? TenantIds.New() : request.TenantId;
        if (!TenantIds.IsValid(id))
        {
            throw Errors.InvalidArgument("tenant_id must be 1-64 letters, digits, '-' or '_', starting with a letter or digit.");
        }
        var record = new TenantRecord(id, string.IsNullOrEmpty(request.DisplayName) ? id : request.DisplayName, time.GetUtcNow(),
            string.IsNullOrEmpty(request.IdpProfile) ? "auto" : request.IdpProfile, LenientAttributes: false);
        var (tenant, created) = await tenants.CreateTenantAsync(record, context.CancellationToken);
        if (!created && !request.IfNotExists)
        {
            throw Errors.AlreadyExists($"Tenant '{id}' already exists.");
        }
        return new CreateTenantResponse { Tenant = tenant.ToContract(), Created = created };
    }

    public override async Task<GetTenantResponse> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var tenant = await tenants.GetTenantAsync(request.TenantId, context.CancellationToken) ?? throw Errors.TenantNotFound(request.TenantId);
        return new GetTenantResponse { Tenant = tenant.ToContract() };
    }

    public override async Task<IssueTokenResponse> IssueToken(IssueTokenRequest request, ServerCallContext context)
    {
        await RequireTenantAsync(request.TenantId, context.CancellationToken);
        if (!string.IsNullOrEmpty(request.Secret) && request.Secret.Length < 24)
        {
            throw Errors.InvalidArgument("A supplied secret must be at least 24 characters long.");
        }
        var (token, secret) = await tokens.IssueAsync(request.TenantId, request.Description, request.Expires?.ToDateTimeOffset(),
            request.Secret, context.CancellationToken);
        return new IssueTokenResponse { Token = token.ToContract(), Secret = secret };
    }

    public override async Task<RotateTokenResponse> RotateToken(RotateTokenRequest request, ServerCallContext context)
    {
        var old = await tenants.GetTokenAsync(request.TenantId, request.TokenId, context.CancellationToken) ?? throw Errors.TokenNotFound(request.TokenId);
        if (request.OverlapSeconds is < 0 or > 30 * 24 * 3600)
        {
            throw Errors.InvalidArgument("overlap_seconds must be between 0 and 2592000 (30 days).");
        }
        var (fresh, secret) = await tokens.IssueAsync(request.TenantId, old.Description, old.Expires, suppliedSecret: null, context.CancellationToken);
        var retired = await tenants.RevokeTokenAsync(request.TenantId, request.TokenId,
            time.GetUtcNow().AddSeconds(request.OverlapSeconds), context.CancellationToken);
        return new RotateTokenResponse { NewToken = fresh.ToContract(), Secret = secret, OldToken = retired!.ToContract() };
    }

    public override async Task<RevokeTokenResponse> RevokeToken(RevokeTokenRequest request, ServerCallContext context)
    {
        var token = await tenants.RevokeTokenAsync(request.TenantId, request.TokenId, time.GetUtcNow(), context.CancellationToken)
            ?? throw Errors.TokenNotFound(request.TokenId);
        return new RevokeTokenResponse { Token = token.ToContract() };
    }

    public override async Task<ListTokensResponse> ListTokens(ListTokensRequest request, ServerCallContext context)
    {
        var list = await tenants.ListTokensAsync(request.TenantId, context.CancellationToken);
        return new ListTokensResponse { Tokens = { list.Select(t => t.ToContract()) } };
    }

    public override async Task<AuthenticateTokenResponse> AuthenticateToken(AuthenticateTokenRequest request, ServerCallContext context)
    {
        var token = await tokens.AuthenticateAsync(request.Secret, context.CancellationToken) ?? throw Errors.Unauthenticated();
        var until = time.GetUtcNow() + AuthenticationCacheBound;
        if (token.Expires is { } expires && expires < until)
        {
            until = expires;
        }
        if (token.Revoked is { } revoked && revoked < until)
        {
            until = revoked;
        }
        return new AuthenticateTokenResponse { TenantId = token.TenantId, TokenId = token.TokenId, ValidUntil = Timestamp.FromDateTimeOffset(until) };
    }

    private async Task RequireTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        _ = await tenants.GetTenantAsync(tenantId, cancellationToken) ?? throw Errors.TenantNotFound(tenantId);
    }
}
