using System.Text.Json.Nodes;
using Identity.Cli.Tests.Support;

namespace Identity.Cli.Tests.Admin;

/// <summary>identity tokens: issue (secret once), list (metadata only), rotate, revoke, against a real edge.</summary>
[Collection(CliSuiteCollection.Name)]
public sealed class TokenCommandTests(CliSuiteFixture fixture)
{
    [Fact]
    public async Task Issue_List_Rotate_Revoke_FullLifecycle()
    {
        var env = CliRunner.OperatorEnvironment(fixture);
        var (tenant, _) = await fixture.NewTenantAsync();

        var issued = await CliRunner.RunAsync(env, "tokens", "issue", tenant, "--description", "Okta production", "--json");
        var issuedJson = JsonNode.Parse(issued.Out)!;
        var tokenId = issuedJson["token"]!["tokenId"]!.GetValue<string>();
        var secret = issuedJson["secret"]!.GetValue<string>();
        var (statusWithIssued, _) = await fixture.ScimAsync(secret, HttpMethod.Get, "/Users?count=1");
        var listed = await CliRunner.RunAsync(env, "tokens", "list", tenant);
        var rotated = await CliRunner.RunAsync(env, "tokens", "rotate", tenant, tokenId, "--overlap-seconds", "0", "--json");
        var rotatedJson = JsonNode.Parse(rotated.Out)!;
        var newTokenId = rotatedJson["newToken"]!["tokenId"]!.GetValue<string>();
        var (statusWithRotated, _) = await fixture.ScimAsync(rotatedJson["secret"]!.GetValue<string>(), HttpMethod.Get, "/Users?count=1");
        var revoked = await CliRunner.RunAsync(env, "tokens", "revoke", tenant, newTokenId);
        var afterRevoke = await CliRunner.RunAsync(env, "tokens", "list", tenant, "--json");

        Assert.Equal(0, issued.ExitCode);
        Assert.Equal(200, statusWithIssued);
        Assert.True(listed.ExitCode == 0, listed.All);
        var row = listed.Out.Split('\n').Single(l => l.Contains(tokenId, StringComparison.Ordinal));
        Assert.Contains("Okta production", row);
        Assert.Contains("active", row);
        Assert.DoesNotContain(secret, listed.Out);
        Assert.Equal(0, rotated.ExitCode);
        Assert.Equal(200, statusWithRotated);
        Assert.NotEqual(tokenId, newTokenId);
        Assert.True(revoked.ExitCode == 0, revoked.All);
        Assert.Contains("revoked", revoked.Out);
        var statuses = JsonNode.Parse(afterRevoke.Out)!["tokens"]!.AsArray().ToDictionary(t => t!["tokenId"]!.GetValue<string>(), t => t!["status"]!.GetValue<string>());
        Assert.Equal("revoked", statuses[newTokenId]);
        Assert.NotEqual("active", statuses[tokenId]);
    }

    [Fact]
    public async Task Issue_Table_ShowsTheSecretOnceAndSaysSo()
    {
        var (tenant, _) = await fixture.NewTenantAsync();

        var issued = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "tokens", "issue", tenant, "--description", "Entra ID");
        var secret = issued.Out.Split('\n').Single(l => l.StartsWith("Secret (shown once", StringComparison.Ordinal)).Split(": ", 2)[1].Trim();
        var (status, _) = await fixture.ScimAsync(secret, HttpMethod.Get, "/Users?count=1");

        Assert.Equal(0, issued.ExitCode);
        Assert.Contains("Entra ID", issued.Out);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Issue_Quiet_PrintsOnlyAWorkingSecret()
    {
        var (tenant, _) = await fixture.NewTenantAsync();

        var issued = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "tokens", "issue", tenant, "-q");
        var (status, _) = await fixture.ScimAsync(issued.Out.Trim(), HttpMethod.Get, "/Users?count=1");

        Assert.Equal(0, issued.ExitCode);
        Assert.Single(issued.Out.Trim().Split('\n'));
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Rotate_UnknownToken_NotFoundInOneLine()
    {
        var (tenant, _) = await fixture.NewTenantAsync();

        var result = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "tokens", "rotate", tenant, "no-such-token");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("404", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Rotate_OverlapOutOfRange_TheEdgesReason()
    {
        var (tenant, _) = await fixture.NewTenantAsync();

        var result = await CliRunner.RunAsync(CliRunner.OperatorEnvironment(fixture), "tokens", "rotate", tenant, "t", "--overlap-seconds", "-5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("overlapSeconds must be between 0 and 2592000", result.Error);
    }
}
