using Identity.Contracts.Directory.V1;
using Identity.ScimEdge.OpenApi;
using Identity.ScimEdge.Tenancy;

namespace Identity.ScimEdge.Admin;

/// <summary>/admin/tenants: create, read and change a tenant in Directory.</summary>
internal static class TenantAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPost("/tenants", CreateAsync)
            .WithSummary("Create a tenant").DocumentsJsonBody<CreateTenantBody>(required: false)
            .Produces<TenantView>(StatusCodes.Status201Created).Produces<AdminErrorBody>(StatusCodes.Status409Conflict);
        admin.MapGet("/tenants/{tenantId}", GetAsync)
            .WithSummary("Read a tenant").Produces<TenantView>().Produces<AdminErrorBody>(StatusCodes.Status404NotFound);
        admin.MapPatch("/tenants/{tenantId}", UpdateAsync)
            .WithSummary("Change a tenant's display name, IdP profile or attribute leniency").DocumentsJsonBody<UpdateTenantBody>()
            .Produces<TenantView>().Produces<AdminErrorBody>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, DirectoryService.DirectoryServiceClient directory)
    {
        var body = await AdminJson.ReadAsync(http.Request, new CreateTenantBody(null, null, null), http.RequestAborted);
        var response = await directory.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = AdminCalls.Optional(body.TenantId, "tenantId", 64) ?? "",
            DisplayName = AdminCalls.Optional(body.DisplayName, "displayName", 200) ?? "",
            IdpProfile = AdminCalls.IdpProfile(body.IdpProfile) ?? "",
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        var tenant = TenantView.From(response.Tenant);
        return Results.Created($"/admin/tenants/{Uri.EscapeDataString(tenant.Id)}", tenant);
    }

    private static async Task<IResult> GetAsync(string tenantId, HttpContext http, DirectoryService.DirectoryServiceClient directory)
    {
        var tenant = await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        return Results.Ok(TenantView.From(tenant));
    }

    private static async Task<IResult> UpdateAsync(string tenantId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        TenantSettingsCache settings, ILogger<AdminKeyFilter> logger)
    {
        var body = await AdminJson.ReadAsync<UpdateTenantBody>(http.Request, null, http.RequestAborted);
        var displayName = AdminCalls.Optional(body.DisplayName, "displayName", 200);
        var idpProfile = AdminCalls.IdpProfile(body.IdpProfile);
        // UpdateTenant replaces lenient_attributes (a plain bool), so an absent field keeps the stored value.
        var current = await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await directory.UpdateTenantAsync(new UpdateTenantRequest
        {
            TenantId = tenantId,
            DisplayName = displayName ?? "",
            IdpProfile = idpProfile ?? "",
            LenientAttributes = body.LenientAttributes ?? current.LenientAttributes,
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        // This replica forgets at once; other replicas within their cache lifetime (30 s).
        settings.Invalidate(tenantId);
        logger.AdminChangedTenant(tenantId, "settings updated");
        return Results.Ok(TenantView.From(response.Tenant));
    }
}
