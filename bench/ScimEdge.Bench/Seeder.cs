using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Identity.Contracts.Common.V1;
using Identity.Contracts.GroupRole.V1;

namespace Identity.ScimEdge.Bench;

/// <summary>
/// Fills a running DevHost: users through SCIM (as an IdP would), the big group's shell through
/// SCIM and its 100,000 memberships through GroupRole's AddMembers in batches, which is minutes
/// faster than 100,000 SCIM PATCHes and writes the same rows.
/// </summary>
internal static class Seeder
{
    public const int UserCount = 256;
    public const int GroupMembers = 100_000;
    private const int MemberBatch = 10_000;

    public static async Task<int> RunAsync(Uri scimBase, Uri groupRole, string tenant, string token, string outDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDir);
        using var http = new HttpClient { BaseAddress = new Uri(scimBase.ToString().TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var ids = new List<string>(UserCount);
        for (var i = 0; i < UserCount; i++)
        {
            var created = await SendAsync(http, HttpMethod.Post, "Users", UserBody($"seed.user.{i:D5}@example.com", $"seed-{i}"), cancellationToken);
            ids.Add(created["id"]!.GetValue<string>());
        }
        await File.WriteAllLinesAsync(Path.Combine(outDir, "user_ids.txt"), ids, cancellationToken);

        // The response the plain endpoint imitates: a real GET by id.
        using (var get = await http.GetAsync($"Users/{ids[0]}", cancellationToken))
        {
            get.EnsureSuccessStatusCode();
            await File.WriteAllTextAsync(Path.Combine(outDir, "user.json"), await get.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
        }

        var group = await SendAsync(http, HttpMethod.Post, "Groups", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = "bench-100k",
        }, cancellationToken);
        var groupId = group["id"]!.GetValue<string>();
        await AddMembersAsync(groupRole, tenant, groupId, cancellationToken);

        var env = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"USER_ID={ids[0]}")
            .AppendLine(CultureInfo.InvariantCulture, $"FILTER_USERNAME=seed.user.{UserCount / 2:D5}@example.com")
            .AppendLine(CultureInfo.InvariantCulture, $"GROUP_ID={groupId}");
        await File.WriteAllTextAsync(Path.Combine(outDir, "seed.env"), env.ToString(), cancellationToken);
        Console.WriteLine($"seeded {ids.Count} users and group {groupId} with {GroupMembers} members");
        return 0;
    }

    /// <summary>The body wrk's POST script sends too, so seeded and created users are the same size.</summary>
    public static JsonObject UserBody(string userName, string externalId) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
        ["userName"] = userName,
        ["externalId"] = externalId,
        ["name"] = new JsonObject { ["givenName"] = "Bench", ["familyName"] = "User" },
        ["displayName"] = "Bench User",
        ["emails"] = new JsonArray(new JsonObject { ["value"] = userName, ["type"] = "work", ["primary"] = true }),
        ["active"] = true,
    };

    private static async Task AddMembersAsync(Uri groupRole, string tenant, string groupId, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(groupRole);
        var client = new GroupRoleService.GroupRoleServiceClient(channel);
        for (var start = 0; start < GroupMembers; start += MemberBatch)
        {
            var request = new AddMembersRequest { TenantId = tenant, GroupId = groupId, Context = new MutationContext { Actor = "scim-edge-bench" } };
            for (var i = start; i < start + MemberBatch; i++)
            {
                // Typed USER so the store need not look for a group of that id.
                request.Members.Add(new Member { MemberId = $"bench-member-{i:D6}", Type = MemberType.User });
            }
            await client.AddMembersAsync(request, cancellationToken: cancellationToken);
        }
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/scim+json"),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return JsonNode.Parse(text) ?? throw new JsonException($"{method} {path}: empty body");
    }
}
