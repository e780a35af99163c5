using Identity.GroupRole.Domain.Filtering;
using Identity.TestKit;
using static Identity.GroupRole.Tests.Storage.GroupRoleHarness;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>ListGroups with SCIM filters, sorting and paging.</summary>
public abstract partial class GroupRoleStoreContract
{
    [SkippableTheory]
    [InlineData("displayName eq \"engineering\"", "Engineering")]
    [InlineData("externalId eq \"ext-sales\"", "Sales")]
    [InlineData("members.value eq \"u2\"", "Sales")]
    [InlineData("members[value eq \"u1\"]", "Engineering,Sales")]
    [InlineData("members[value eq \"u1\" and type eq \"User\"]", "Engineering,Sales")]
    [InlineData("displayName sw \"eng\" or externalId eq \"ext-sales\"", "Engineering,Sales")]
    [InlineData("displayName co \"a\" and members.value eq \"u1\"", "Sales")]
    [InlineData("not (displayName eq \"Sales\")", "Engineering,Support")]
    [InlineData("externalId pr", "Sales")]
    [InlineData("meta.created gt \"2000-01-01T00:00:00Z\" and displayName ew \"PORT\"", "Support")]
    public async Task ListGroups_Filter_ReturnsMatchingGroups(string filter, string expected)
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        await h.CreateGroupAsync(tenant, "Engineering", User("u1")).WithTimeout();
        var sales = await h.CreateGroupAsync(tenant, "Sales", User("u1"), User("u2")).WithTimeout();
        await h.Store.UpdateGroupAsync(tenant, sales.Id, new("Sales", "ext-sales", "{}"), 0, Mutation(), None).WithTimeout();
        await h.CreateGroupAsync(tenant, "Support").WithTimeout();

        var page = await h.Store.ListGroupsAsync(tenant, GroupQueryParser.Parse(filter, "displayName", false, 0, 50), None).WithTimeout();

        Assert.Equal(expected, string.Join(",", page.Groups.Select(g => g.DisplayName)));
        Assert.Equal(expected.Split(',').Length, page.TotalResults);
    }

    [SkippableFact]
    public async Task ListGroups_id_eq_FindsOnlyThatGroupInThisTenant()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        var group = await h.CreateGroupAsync(tenant, "A").WithTimeout();
        await h.CreateGroupAsync(tenant, "B").WithTimeout();

        var mine = await h.Store.ListGroupsAsync(tenant, GroupQueryParser.Parse($"id eq \"{group.Id}\"", null, false, 0, 10), None).WithTimeout();
        var foreign = await h.Store.ListGroupsAsync(TestTenant.New(), GroupQueryParser.Parse($"id eq \"{group.Id}\"", null, false, 0, 10), None).WithTimeout();

        Assert.Equal([group.Id], mine.Groups.Select(g => g.Id));
        Assert.Equal(0, foreign.TotalResults);
    }

    [SkippableFact]
    public async Task ListGroups_OffsetAndCountDescending_PagesWithTotal()
    {
        var h = await HarnessAsync();
        var tenant = TestTenant.New();
        foreach (var name in new[] { "b", "d", "a", "c", "e" })
        {
            await h.CreateGroupAsync(tenant, name).WithTimeout();
        }

        var page = await h.Store.ListGroupsAsync(tenant, GroupQueryParser.Parse(null, "displayName", true, 1, 2), None).WithTimeout();

        Assert.Equal(["d", "c"], page.Groups.Select(g => g.DisplayName));
        Assert.Equal(5, page.TotalResults);
    }
}
