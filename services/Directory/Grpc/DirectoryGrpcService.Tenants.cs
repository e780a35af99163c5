using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using AuditAction = Identity.Directory.Auditing.AuditAction;

namespace Identity.Directory.Grpc;

public sealed partial class DirectoryGrpcService
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
        var now = time.GetUtcNow();
        var record = new TenantRecord(id, string.IsNullOrEmpty(request.DisplayName) ? id : request.DisplayName, now,
            string.IsNullOrEmpty(request.IdpProfile) ? "auto" : request.IdpProfile, LenientAttributes: false);
        var (tenant, created) = await tenancy.Store.CreateTenantAsync(record, TenantAudit(id, AuditAction.TenantCreated, request.Context),
            context.CancellationToken);
        if (!created && !request.IfNotExists)
        {
            throw Errors.AlreadyExists($"Tenant '{id}' already exists.");
        }
        return new CreateTenantResponse { Tenant = tenant.ToContract(), Created = created };
    }

    public override async Task<GetTenantResponse> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var tenant = await tenancy.Store.GetTenantAsync(request.TenantId, context.CancellationToken) ?? throw Errors.TenantNotFound(request.TenantId);
        return new GetTenantResponse { Tenant = tenant.ToContract() };
    }

    public override async Task<UpdateTenantResponse> UpdateTenant(UpdateTenantRequest request, ServerCallContext context)
    {
        var current = await tenancy.Store.GetTenantAsync(request.TenantId, context.CancellationToken) ?? throw Errors.TenantNotFound(request.TenantId);
        var next = current with
        {
            DisplayName = string.IsNullOrEmpty(request.DisplayName) ? current.DisplayName : request.DisplayName,
            IdpProfile = string.IsNullOrEmpty(request.IdpProfile) ? current.IdpProfile : request.IdpProfile,
            LenientAttributes = request.LenientAttributes,
        };
        var updated = await tenancy.Store.UpdateTenantAsync(next, TenantAudit(current.Id, AuditAction.TenantUpdated, request.Context),
            context.CancellationToken) ?? throw Errors.TenantNotFound(request.TenantId);
        return new UpdateTenantResponse { Tenant = updated.ToContract() };
    }

    public override async Task<IssueTokenResponse> IssueToken(IssueTokenRequest request, ServerCallContext context)
    {
        await RequireTenantAsync(request.TenantId, context.CancellationToken);
        if (!string.IsNullOrEmpty(request.Secret) && request.Secret.Length < 24)
        {
            throw Errors.InvalidArgument("A supplied secret must be at least 24 characters long.");
        }
        TokenRecord token;
        string secret;
        try
        {
            (token, secret) = await tenancy.Tokens.IssueAsync(request.TenantId, request.Description, request.Expires?.ToDateTimeOffset(),
                request.Secret, MutationOf(request.Context), context.CancellationToken);
        }
        catch (InvalidOperationException)
        {
            throw Errors.AlreadyExists("That secret is already in use; supply another or let the server generate one.");
        }
        return new IssueTokenResponse { Token = token.ToContract(), Secret = secret };
    }

    public override async Task<RotateTokenResponse> RotateToken(RotateTokenRequest request, ServerCallContext context)
    {
        var old = await tenancy.Store.GetTokenAsync(request.TenantId, request.TokenId, context.CancellationToken)
            ?? throw Errors.TokenNotFound(request.TokenId);
        if (request.OverlapSeconds is < 0 or > 30 * 24 * 3600)
        {
            throw Errors.InvalidArgument("overlap_seconds must be between 0 and 2592000 (30 days).");
        }
        var (fresh, secret, retired) = await tenancy.Tokens.RotateAsync(old, TimeSpan.FromSeconds(request.OverlapSeconds),
            MutationOf(request.Context), context.CancellationToken);
        return new RotateTokenResponse { NewToken = fresh.ToContract(), Secret = secret, OldToken = (retired ?? old).ToContract() };
    }

    public override async Task<RevokeTokenResponse> RevokeToken(RevokeTokenRequest request, ServerCallContext context)
    {
        var token = await tenancy.Tokens.RevokeAsync(request.TenantId, request.TokenId, time.GetUtcNow(), MutationOf(request.Context),
            context.CancellationToken) ?? throw Errors.TokenNotFound(request.TokenId);
        return new RevokeTokenResponse { Token = token.ToContract() };
    }

    public override async Task<ListTokensResponse> ListTokens(ListTokensRequest request, ServerCallContext context)
    {
        var list = await tenancy.Store.ListTokensAsync(request.TenantId, context.CancellationToken);
        return new ListTokensResponse { Tokens = { list.Select(t => t.ToContract()) } };
    }

    public override async Task<AuthenticateTokenResponse> AuthenticateToken(AuthenticateTokenRequest request, ServerCallContext context)
    {
        var token = await tenancy.Tokens.AuthenticateAsync(request.Secret, context.CancellationToken) ?? throw Errors.Unauthenticated();
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

    private AuditEntry TenantAudit(string tenantId, AuditAction action, Contracts.Common.V1.MutationContext? context)
    {
        var mutation = MutationOf(context);
        return new AuditEntry(tenantId, time.GetUtcNow(), mutation.Actor, action, "Tenant", tenantId, 0, 0, mutation.RequestId, "");
    }
}
