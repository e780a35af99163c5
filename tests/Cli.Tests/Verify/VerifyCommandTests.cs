using Identity.Cli.Tests.Support;
using Identity.TestKit;

namespace Identity.Cli.Tests.Verify;

/// <summary>identity verify against the real suite on loopback, and against endpoints that break one rule.</summary>
[Collection(CliSuiteCollection.Name)]
public sealed class VerifyCommandTests(CliSuiteFixture fixture)
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    /// <summary>Each IdP's sequences against a tenant set to that IdP's profile; "auto" runs every IdP's against one auto-detecting tenant.</summary>
    [Theory]
    [InlineData("okta", "okta")]
    [InlineData("entra", "entra")]
    [InlineData("google", "google")]
    [InlineData("onelogin", "onelogin")]
    [InlineData("jumpcloud", "jumpcloud")]
    [InlineData("ping", "ping")]
    [InlineData("auto", "okta,entra,google,onelogin,jumpcloud,ping")]
    public async Task Verify_RealSuiteForEachProfile_PassesAndLeavesNothing(string profile, string idps)
    {
        var (_, token) = await fixture.NewTenantAsync(profile);

        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--base", fixture.ScimBase, "--token", token, "--idp", idps);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("checks passed.", result.Out);
        Assert.DoesNotContain("FAIL", result.Out);
        foreach (var idp in idps.Split(','))
        {
            Assert.Contains($"{idp}/", result.Out);
        }
        Assert.Equal((0, 0), await fixture.CountAsync(token));
    }

    [Fact]
    public async Task Verify_TenantHoldingOtherUsers_PassesAndKeepsThem()
    {
        var (_, token) = await fixture.NewTenantAsync("okta");
        var (created, user) = await fixture.ScimAsync(token, HttpMethod.Post, "/Users",
            new() { ["schemas"] = new System.Text.Json.Nodes.JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"), ["userName"] = "resident@example.com" });

        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--base", fixture.ScimBase, "--token", token, "--idp", "okta", "--verbose");

        Assert.Equal(201, created);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("count not judged: tenant not empty", result.Out);
        var (_, remaining) = await fixture.ScimAsync(token, HttpMethod.Get, "/Users");
        Assert.Equal(1, remaining!["totalResults"]!.GetValue<int>());
        Assert.Equal(user!["id"]!.GetValue<string>(), remaining["Resources"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(BrokenScimProxy.Breakage.DropsETag, "okta/user-lifecycle", "create user", "header ETag: none")]
    [InlineData(BrokenScimProxy.Breakage.CreateAnswers200, "okta/user-lifecycle", "create user", "status 200")]
    [InlineData(BrokenScimProxy.Breakage.IgnoresFilters, "discovery", "a bad filter gets the SCIM error envelope", "status 200")]
    public async Task Verify_EndpointBreakingOneRule_FailsNamingTheCheck(BrokenScimProxy.Breakage breakage, string check, string step, string got)
    {
        var (_, token) = await fixture.NewTenantAsync("okta");
        await using var broken = await BrokenScimProxy.StartAsync(fixture.Suite.ScimUri, breakage).WithTimeout();

        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--base", new Uri(broken.Uri, "/scim/v2").ToString(), "--token", token, "--idp", "okta");

        Assert.Equal(1, result.ExitCode);
        var failedRow = result.Out.Split('\n').FirstOrDefault(line => line.Contains("FAIL", StringComparison.Ordinal) && line.Contains(step, StringComparison.Ordinal));
        Assert.True(failedRow is not null, result.Out);
        Assert.Contains(check, failedRow);
        Assert.Contains(got, failedRow);
        var summary = result.Out.Split('\n').Single(line => line.StartsWith("verify: ", StringComparison.Ordinal));
        Assert.Contains("checks failed: ", summary);
        Assert.Contains($"{check} ({step}", summary);
        Assert.Equal((0, 0), await fixture.CountAsync(token));
    }

    [Fact]
    public async Task Verify_TenantPrefixedBaseUrl_Passes()
    {
        var (tenant, token) = await fixture.NewTenantAsync("google");
        var prefixed = new Uri(fixture.Suite.ScimUri, $"/tenants/{tenant}/scim/v2").ToString();

        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--base", prefixed, "--token", token, "--idp", "google");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("google/catalog-app", result.Out);
        Assert.Equal((0, 0), await fixture.CountAsync(token));
    }

    [Fact]
    public async Task Verify_NoBase_OneUsageErrorLine()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--token", "t");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Option '--base' is required. (see 'identity verify --help')", result.Error.Trim());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Verify_UnknownIdp_OneLineAndExitCodeOne()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--base", fixture.ScimBase, "--token", "whatever", "--idp", "okta,myidp");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: unknown IdP 'myidp': choose from entra, google, jumpcloud, okta, onelogin, ping or all", result.Error.Trim());
    }

    [Fact]
    public async Task Verify_WrongToken_FailsTheSequencesNotTheDiscoveryAuthChecks()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "verify", "--base", fixture.ScimBase, "--token", "not-a-token-of-any-tenant-000000", "--idp", "google");

        Assert.Equal(1, result.ExitCode);
        var rows = result.Out.Split('\n');
        Assert.Contains(rows, r => r.Contains("no token is refused", StringComparison.Ordinal) && r.Contains("pass", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("google/catalog-app", StringComparison.Ordinal) && r.Contains("status 401", StringComparison.Ordinal) && r.Contains("FAIL", StringComparison.Ordinal));
    }
}
