using System.Text.Json.Nodes;
using Identity.Cli.Tests.Support;
using Identity.TestKit;

namespace Identity.Cli.Tests.Admin;

/// <summary>identity log (and --follow), audit and reconcile against the real suite.</summary>
[Collection(CliSuiteCollection.Name)]
public sealed class LogAndAuditCommandTests(CliSuiteFixture fixture)
{
    [Fact]
    public async Task Log_AfterARefusedRequest_ShowsItWithItsScimType()
    {
        var (tenant, token) = await fixture.NewTenantAsync();
        var (status, _) = await fixture.ScimAsync(token, HttpMethod.Get, "/Users?filter=userName%20eq");

        var result = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "log", tenant, "--status", "4xx");

        Assert.Equal(400, status);
        Assert.True(result.ExitCode == 0, result.All);
        var row = result.Out.Split('\n').Single(l => l.Contains("/scim/v2/Users", StringComparison.Ordinal));
        Assert.Contains("400", row);
        Assert.Contains("invalidFilter", row);
        Assert.Contains("1 requests", result.Out);
    }

    [Fact]
    public async Task LogFollow_NewRequestArrives_PrintedThenStopsOnCancel()
    {
        var (tenant, token) = await fixture.NewTenantAsync();
        var output = new SignallingWriter();
        var error = new SignallingWriter();
        using var stop = new CancellationTokenSource();
        var marker = "cli-follow-" + Guid.NewGuid().ToString("N")[..8];

        var following = CliRunner.StartAsync(output, error, CliRunner.OperatorEnvironment(fixture), stop.Token, "log", tenant, "--follow", "--interval", "0.2");
        var (status, _) = await fixture.ScimAsync(token, HttpMethod.Get, $"/Users/{marker}");
        await output.WhenContains(marker).WithTimeout();
        // A second request is read through ?since=, which repeats the newest entry already printed.
        await fixture.ScimAsync(token, HttpMethod.Get, $"/Groups/{marker}-2");
        await output.WhenContains(marker + "-2").WithTimeout();
        await stop.CancelAsync();
        var exitCode = await following.WithTimeout();

        Assert.Equal(404, status);
        Assert.Equal(0, exitCode);
        var line = output.ToString().Split('\n').Single(l => l.Contains($"/Users/{marker}", StringComparison.Ordinal));
        Assert.Single(output.ToString().Split('\n'), l => l.Contains($"/Groups/{marker}-2", StringComparison.Ordinal));
        Assert.Contains("GET", line);
        Assert.Contains("404", line);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Audit_AfterCreatingAUser_ListsTheEvent()
    {
        var (tenant, token) = await fixture.NewTenantAsync();
        var (_, user) = await fixture.ScimAsync(token, HttpMethod.Post, "/Users",
            new() { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"), ["userName"] = "audited@example.com" });
        var userId = user!["id"]!.GetValue<string>();

        var table = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "audit", tenant, "--resource-id", userId);
        var json = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "audit", tenant, "--all", "--page-size", "1", "--json");

        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains(table.Out.Split('\n'), l => l.Contains(userId, StringComparison.Ordinal));
        Assert.Equal(0, json.ExitCode);
        var events = JsonNode.Parse(json.Out)!["events"]!.AsArray();
        Assert.Contains(events, e => e!["resourceId"]!.GetValue<string>() == userId);
        Assert.Null(JsonNode.Parse(json.Out)!["nextPageToken"]);
    }

    [Fact]
    public async Task Reconcile_AgainstRevocation_ShowsTheReport()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["IDENTITY_REVOCATION_URL"] = fixture.RevocationManagementUri.ToString() }, "reconcile", "--json");

        Assert.True(result.ExitCode == 0, result.All);
        var report = JsonNode.Parse(result.Out)!;
        Assert.True(report["tenants"]!.GetValue<int>() >= 0);
        Assert.Empty(report["failedTenants"]!.AsArray());
    }

    [Fact]
    public async Task Reconcile_OnTheMainPort_RefusedInOneLine()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?>(), "reconcile", "--revocation-url", fixture.EdgeUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/admin/reconcile: 40", result.Error);
    }
}
