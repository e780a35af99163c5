using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.DevHost;
using Identity.ServiceDefaults.Hosting;
using Identity.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.EndToEnd.Tests.Lifecycle;

/// <summary>What an application and an operator do against Revocation in these tests.</summary>
internal static class RevocationAccess
{
    public static async Task<StatusCode> TryRegisterSessionAsync(this RevocationService.RevocationServiceClient revocation, string tenantId, string userId, string sessionId)
    {
        try
        {
            await revocation.RegisterSessionAsync(new RegisterSessionRequest
            {
                TenantId = tenantId,
                UserId = userId,
                SessionId = sessionId,
                ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
            }).ResponseAsync.WithTimeout();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    public static async Task<GetUserStateResponse> StateAsync(this RevocationService.RevocationServiceClient revocation, string tenantId, string userId) =>
        await revocation.GetUserStateAsync(new GetUserStateRequest { TenantId = tenantId, UserId = userId }).ResponseAsync.WithTimeout();

    /// <summary>POST /admin/reconcile on Revocation's management port; answers the report's JSON.</summary>
    public static async Task<JsonObject> ReconcileAsync(this EmbeddedSuite suite)
    {
        var revocation = suite.Apps.Single(a => a.Services.GetRequiredService<ServiceEndpoints>().MainUri == suite.RevocationUri);
        using var client = new HttpClient { BaseAddress = revocation.Services.GetRequiredService<ServiceEndpoints>().ManagementUri };
        using var response = await client.PostAsync(new Uri("/admin/reconcile", UriKind.Relative), null).WithTimeout();
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>().WithTimeout())!;
    }
}
