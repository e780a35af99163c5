using System.Text.Json.Nodes;
using Identity.GroupRole.Domain;
using Identity.GroupRole.Domain.Filtering;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;
using Identity.TestKit;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>
/// <c>not</c> over attributes some groups lack (no externalId, no members): every store must answer
/// as the SCIM filter evaluator does on the groups' resources, where an absent attribute simply does
/// not match, so its negation does. SQL's NULL would otherwise drop those groups.
/// </summary>
public abstract partial class GroupRoleStoreContract
{
    [SkippableTheory]
    [InlineData("not (externalId eq \"ext-sales\")")]
    [InlineData("not (externalId ne \"ext-sales\")")]
    [InlineData("not (externalId sw \"ext\")")]
    [InlineData("not (externalId co \"sales\")")]
    [InlineData("not (externalId ew \"ops\")")]
    [InlineData("not (displayName eq \"Support\" or externalId co \"ops\")")]
    [InlineData("not (externalId pr)")]
    [InlineData("not (externalId eq \"ext-sales\" or displayName eq \"Support\")")]
    [InlineData("not (externalId eq \"ext-sales\" and displayName sw \"S\")")]
    [InlineData("not (not (externalId eq \"ext-sales\"))")]
    [InlineData("not (members.value eq \"u1\")")]
    [InlineData("not (members[value eq \"u2\"])")]
    [InlineData("displayName sw \"S\" and not (externalId eq \"ext-ops\")")]
    public async Task ListGroups_NotOverAbsentAttributes_AnswersAsTheEvaluator(string filter)
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        await h.CreateGroupAsync(tenant, "Engineering", User("u1")).WithTimeout();
        var sales = await h.CreateGroupAsync(tenant, "Sales", User("u1"), User("u2")).WithTimeout();
        await h.Store.UpdateGroupAsync(tenant, sales.Id, new("Sales", "ext-sales", "{}"), 0, Mutation(), None).WithTimeout();
        var ops = await h.CreateGroupAsync(tenant, "Site Ops", User("u3")).WithTimeout();
        await h.Store.UpdateGroupAsync(tenant, ops.Id, new("Site Ops", "ext-ops", "{}"), 0, Mutation(), None).WithTimeout();
        await h.CreateGroupAsync(tenant, "Support").WithTimeout();
        var expected = await EvaluatedAsync(h, tenant, filter);

        var page = await h.Store.ListGroupsAsync(tenant, GroupQueryParser.Parse(filter, "displayName", false, 0, 50), None).WithTimeout();

        Assert.Equal(expected, string.Join(",", page.Groups.Select(g => g.DisplayName)));
        Assert.Equal(page.Groups.Count, page.TotalResults);
    }

    [SkippableFact]
    public async Task ListGroups_NotEqualsOnExternalId_KeepsTheGroupsWithoutOne()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var sales = await h.CreateGroupAsync(tenant, "Sales").WithTimeout();
        await h.Store.UpdateGroupAsync(tenant, sales.Id, new("Sales", "ext-sales", "{}"), 0, Mutation(), None).WithTimeout();
        await h.CreateGroupAsync(tenant, "Support").WithTimeout();

        var page = await h.Store.ListGroupsAsync(tenant, GroupQueryParser.Parse("not (externalId eq \"ext-sales\")", "displayName", false, 0, 50), None).WithTimeout();

        Assert.Equal(["Support"], page.Groups.Select(g => g.DisplayName));
    }

    /// <summary>The displayNames, in displayName order, of the tenant's groups the SCIM evaluator matches, over their SCIM resources.</summary>
    private static async Task<string> EvaluatedAsync(GroupRoleHarness h, string tenant, string filter)
    {
        var matches = new FilterEvaluator(SchemaRegistry.Default.Groups).Compile(ScimFilter.Parse(filter));
        var all = await h.Store.ListGroupsAsync(tenant, GroupQueryParser.Parse(null, "displayName", false, 0, 50), None).WithTimeout();
        var names = new List<string>();
        foreach (var group in all.Groups)
        {
            var members = await h.Store.ListMembersAsync(tenant, group.Id, 100, null, None).WithTimeout();
            if (matches(Resource(group, members)))
            {
                names.Add(group.DisplayName);
            }
        }
        return string.Join(",", names);
    }

    private static JsonObject Resource(GroupRecord group, IReadOnlyList<MemberRecord> members)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["id"] = group.Id,
            ["displayName"] = group.DisplayName,
            ["meta"] = new JsonObject { ["created"] = group.Created.ToString("O"), ["lastModified"] = group.LastModified.ToString("O") },
        };
        if (group.ExternalId is not null)
        {
            resource["externalId"] = group.ExternalId;
        }
        if (members.Count > 0)
        {
            resource["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["value"] = m.MemberId, ["type"] = m.Kind.ToString() }).ToArray());
        }
        return resource;
    }
}
