using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.Cli.Replay;
using Identity.EndToEnd.Tests.Replay;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>
/// A tenant set to the ping profile and one left on auto answer Ping's documented sequences alike:
/// the same status and, ids and meta times aside, the same body at every step.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class PingProfileReplayTests(SuiteFixture fixture)
{
    public static TheoryData<string> PingFixtures() => new()
    {
        "ping/pingone-user-lifecycle.json",
        "ping/pingfederate-user-lifecycle.json",
        "ping/pingfederate-groups-patch.json",
        "ping/pingone-groups-put.json",
    };

    [Theory]
    [MemberData(nameof(PingFixtures))]
    public async Task Replay_PingTenantAndAutoTenant_AnswerAlike(string fixtureName)
    {
        using var ping = await TestTenantScope.CreateAsync(fixture);
        using var auto = await TestTenantScope.CreateAsync(fixture);
        var profile = await SetProfileAsync(ping.TenantId, "ping");
        var replay = ReplayFixture.Load(fixtureName);
        var pingRun = new ReplayRunner(ping.Scim, "/scim/v2", ping.Token);
        var autoRun = new ReplayRunner(auto.Scim, "/scim/v2", auto.Token);

        await pingRun.RunAsync(replay);
        await autoRun.RunAsync(replay);

        Assert.Equal("ping", profile);
        Assert.Equal(replay.Steps.Count, pingRun.Responses.Count);
        Assert.Equal(ReplayTranscript.Of(autoRun), ReplayTranscript.Of(pingRun));
    }

    private async Task<string> SetProfileAsync(string tenantId, string idpProfile)
    {
        using var admin = new HttpClient { BaseAddress = fixture.Suite.ScimUri, Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Suite.AdminKey);
        using var body = new StringContent($$"""{"idpProfile":"{{idpProfile}}"}""", Encoding.UTF8, "application/json");
        using var response = await admin.PatchAsync($"/admin/tenants/{tenantId}", body).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["idpProfile"]!.GetValue<string>();
    }
}
