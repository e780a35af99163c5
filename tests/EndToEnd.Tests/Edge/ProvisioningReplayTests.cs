using Identity.EndToEnd.Tests.Fixtures;
using Identity.Cli.Replay;
using Identity.EndToEnd.Tests.Replay;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>
/// Replays, request by request, the provisioning sequences IdPs document publicly (each fixture names
/// its source), against the whole suite on loopback, asserting every status and body.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ProvisioningReplayTests(SuiteFixture fixture)
{
    /// <summary>Every fixture the CLI ships, so a sequence added for identity verify is replayed here too.</summary>
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        data.AddRange([.. FixtureCatalog.Names]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Replay_DocumentedSequence_EveryResponseAsExpected(string fixtureName)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var replay = ReplayFixture.Load(fixtureName);
        var runner = new ReplayRunner(tenant.Scim, "/scim/v2", tenant.Token);

        await runner.RunAsync(replay);

        Assert.NotEmpty(replay.Steps);
        Assert.False(string.IsNullOrWhiteSpace(replay.Source));
    }

    [Fact]
    public async Task Replay_WithTenantPrefix_SameAnswers()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var replay = ReplayFixture.Load("okta/user-lifecycle.json");
        var runner = new ReplayRunner(tenant.Scim, $"/tenants/{tenant.TenantId}/scim/v2", tenant.Token);

        await runner.RunAsync(replay);

        Assert.Contains("userId", runner.Variables.Keys);
    }
}
