using System.Text.Json.Nodes;
using Identity.Cli.Tests.Support;

namespace Identity.Cli.Tests.Admin;

/// <summary>identity role-mappings put, list and delete against a real edge.</summary>
[Collection(CliSuiteCollection.Name)]
public sealed class RoleMappingCommandTests(CliSuiteFixture fixture)
{
    [Fact]
    public async Task Put_List_Delete_MappingComesAndGoes()
    {
        var env = CliRunner.OperatorEnvironment(fixture);
        var (tenant, _) = await fixture.NewTenantAsync();

        var put = await CliRunner.RunAsync(env, "role-mappings", "put", tenant, "--group-name", "Engineering", "--role", "developer,reviewer", "--role", "oncall", "--json");
        var mappingId = JsonNode.Parse(put.Out)!["id"]!.GetValue<string>();
        var listed = await CliRunner.RunAsync(env, "role-mappings", "list", tenant);
        var deleted = await CliRunner.RunAsync(env, "role-mappings", "delete", tenant, mappingId);
        var afterDelete = await CliRunner.RunAsync(env, "role-mappings", "list", tenant, "-q");

        Assert.True(put.ExitCode == 0, put.All);
        Assert.Equal(["developer", "reviewer", "oncall"], JsonNode.Parse(put.Out)!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var row = listed.Out.Split('\n').Single(l => l.Contains(mappingId, StringComparison.Ordinal));
        Assert.Contains("Engineering", row);
        Assert.Contains("developer, reviewer, oncall", row);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal("", afterDelete.Out.Trim());
    }

    [Fact]
    public async Task Effective_MemberOfAMappedGroup_RoleWithItsGroupAsSource()
    {
        var env = CliRunner.OperatorEnvironment(fixture);
        var (tenant, token) = await fixture.NewTenantAsync();
        var (_, user) = await fixture.ScimAsync(token, HttpMethod.Post, "/Users",
            new() { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"), ["userName"] = "member@example.com" });
        var userId = user!["id"]!.GetValue<string>();
        var (groupStatus, group) = await fixture.ScimAsync(token, HttpMethod.Post, "/Groups", new()
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = "Platform",
            ["members"] = new JsonArray(new JsonObject { ["value"] = userId }),
        });
        var put = await CliRunner.RunAsync(env, "role-mappings", "put", tenant, "--group-name", "platform", "--role", "deployer");

        var effective = await CliRunner.RunAsync(env, "role-mappings", "effective", tenant, userId);

        Assert.Equal(201, groupStatus);
        Assert.True(put.ExitCode == 0, put.All);
        Assert.True(effective.ExitCode == 0, effective.All);
        var row = effective.Out.Split('\n').Single(l => l.Contains("deployer", StringComparison.Ordinal));
        Assert.Contains("directGroup", row);
        Assert.Contains(group!["id"]!.GetValue<string>(), row);
    }

    [Fact]
    public async Task Put_BothGroupForms_RefusedBeforeAnyCall()
    {
        var result = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "role-mappings", "put", "t", "--group-id", "g", "--group-name", "G", "--role", "r");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: name the group by exactly one of --group-id or --group-name", result.Error.Trim());
    }
}
