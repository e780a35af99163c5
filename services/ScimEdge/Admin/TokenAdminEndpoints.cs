using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Directory.V1;
using Identity.ScimEdge.OpenApi;

namespace Identity.ScimEdge.Admin;

/// <summary>/admin/tenants/{tenantId}/tokens: the bearer tokens IdPs use. Secrets are shown once, at issue or rotation.</summary>
internal static class TokenAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/tenants/{tenantId}/tokens", IssueAsync)
            .WithSummary("Issue a SCIM bearer token (the secret is returned once)").DocumentsJsonBody<IssueTokenBody>(required: false)
            .Produces<IssuedTokenView>(StatusCodes.Status201Created).Produces<AdminErrorBody>(StatusCodes.Status404NotFound);
        admin.MapGet("/tenants/{tenantId}/tokens", ListAsync)
            .WithSummary("List a tenant's tokens (metadata only)").Produces<TokenListView>();
        admin.MapPost("/tenants/{tenantId}/tokens/{tokenId}/rotate", RotateAsync)
            .WithSummary("Replace a token; the old one keeps working for overlapSeconds").DocumentsJsonBody<RotateTokenBody>(required: false)
            .Produces<RotatedTokenView>().Produces<AdminErrorBody>(StatusCodes.Status404NotFound);
        admin.MapDelete("/tenants/{tenantId}/tokens/{tokenId}", RevokeAsync)
            .WithSummary("Revoke a token (the edge stops accepting it within 30 s)").Produces<TokenView>()
            .Produces<AdminErrorBody>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> IssueAsync(string tenantId, HttpContext http, DirectoryService.DirectoryServiceClient directory, TimeProvider time)
    {
        var body = await AdminJson.ReadAsync(http.Request, new IssueTokenBody(null, null), http.RequestAborted);
        var now = time.GetUtcNow();
        if (body.ExpiresAt is { } expires && expires <= now)
        {
            throw AdminException.BadRequest("expiresAt must be in the future.");
        }
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await directory.IssueTokenAsync(new IssueTokenRequest
        {
            TenantId = tenantId,
            Description = AdminCalls.Optional(body.Description, "description", 200) ?? "",
            Expires = body.ExpiresAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        var token = TokenView.From(response.Token, now);
        return Results.Created($"/admin/tenants/{Uri.EscapeDataString(tenantId)}/tokens/{Uri.EscapeDataString(token.TokenId)}",
            new IssuedTokenView(token, response.Secret));
    }

    private static async Task<IResult> ListAsync(string tenantId, HttpContext http, DirectoryService.DirectoryServiceClient directory, TimeProvider time)
    {
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await directory.ListTokensAsync(new ListTokensRequest { TenantId = tenantId }, cancellationToken: http.RequestAborted);
        var now = time.GetUtcNow();
        return Results.Ok(new TokenListView([.. response.Tokens.Select(t => TokenView.From(t, now))]));
    }

    private static async Task<IResult> RotateAsync(string tenantId, string tokenId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        TimeProvider time)
    {
        var body = await AdminJson.ReadAsync(http.Request, new RotateTokenBody(null), http.RequestAborted);
        if (body.OverlapSeconds is < 0 or > 30 * 24 * 3600)
        {
            throw AdminException.BadRequest("overlapSeconds must be between 0 and 2592000 (30 days).");
        }
        AdminCalls.RequireId(tokenId, "tokenId");
        var response = await directory.RotateTokenAsync(new RotateTokenRequest
        {
            TenantId = tenantId,
            TokenId = tokenId,
            OverlapSeconds = body.OverlapSeconds ?? 0,
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        var now = time.GetUtcNow();
        return Results.Ok(new RotatedTokenView(TokenView.From(response.NewToken, now), response.Secret, TokenView.From(response.OldToken, now)));
    }

    private static async Task<IResult> RevokeAsync(string tenantId, string tokenId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        TimeProvider time)
    {
        AdminCalls.RequireId(tokenId, "tokenId");
        var response = await directory.RevokeTokenAsync(new RevokeTokenRequest
        {
            TenantId = tenantId,
            TokenId = tokenId,
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        return Results.Ok(TokenView.From(response.Token, time.GetUtcNow()));
    }
}
