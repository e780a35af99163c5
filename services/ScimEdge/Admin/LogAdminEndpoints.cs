using System.Globalization;
using Identity.Contracts.Directory.V1;
using Identity.ScimEdge.ProvisioningLog;

namespace Identity.ScimEdge.Admin;

/// <summary>The two records of what happened in a tenant: Directory's durable audit trail and this replica's recent SCIM requests.</summary>
internal static class LogAdminEndpoints
{
    private const int DefaultLimit = 100;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/tenants/{tenantId}/audit", AuditAsync)
            .WithSummary("Directory's audit trail of the tenant, oldest first, paged").Produces<AuditPageView>();
        admin.MapGet("/tenants/{tenantId}/provisioning-log", ProvisioningLog)
            .WithSummary("Recent SCIM requests of the tenant on this replica, newest first (status: 404, 4xx, 5xx or error)")
            .Produces<ProvisioningLogView>();
    }

    private static async Task<IResult> AuditAsync(string tenantId, string? resourceId, string? pageToken, string? pageSize, HttpContext http,
        DirectoryService.DirectoryServiceClient directory)
    {
        var size = AdminQuery.Int(pageSize, "pageSize", 1, 1000);
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await directory.ListAuditEventsAsync(new ListAuditEventsRequest
        {
            TenantId = tenantId,
            ResourceId = AdminCalls.Optional(resourceId, "resourceId", 128) ?? "",
            PageToken = AdminCalls.Optional(pageToken, "pageToken", 200) ?? "",
            PageSize = size ?? 0,
        }, cancellationToken: http.RequestAborted);
        return Results.Ok(new AuditPageView([.. response.Events.Select(AuditEventView.From)], RoleSourceView.NullIfEmpty(response.NextPageToken)));
    }

    private static IResult ProvisioningLog(string tenantId, string? limit, string? status, string? since, ProvisioningLogBuffer buffer)
    {
        AdminCalls.RequireId(tenantId, "tenantId");
        var count = AdminQuery.Int(limit, "limit", 1, buffer.Capacity) ?? DefaultLimit;
        var after = AdminQuery.Time(since, "since");
        var matchesStatus = StatusMatcher(status);
        var entries = buffer.Read(tenantId, count, e => matchesStatus(e.Status) && (after is null || e.Time >= after));
        return Results.Ok(new ProvisioningLogView(entries, buffer.Capacity));
    }

    /// <summary>"404" matches one status, "4xx" a class, "error" anything from 400 up.</summary>
    private static Func<int, bool> StatusMatcher(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return _ => true;
        }
        if (status.Equals("error", StringComparison.OrdinalIgnoreCase))
        {
            return s => s >= 400;
        }
        if (status.Length == 3 && status[0] is >= '1' and <= '5' && status.EndsWith("xx", StringComparison.OrdinalIgnoreCase))
        {
            var hundreds = (status[0] - '0') * 100;
            return s => s >= hundreds && s < hundreds + 100;
        }
        if (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var exact) && exact is >= 100 and <= 599)
        {
            return s => s == exact;
        }
        throw AdminException.BadRequest("status must be an HTTP status (404), a class (4xx) or 'error'.");
    }
}
