using Identity.Cli.Replay;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Replay;

/// <summary>
/// Replays a fixture against the SCIM edge with the engine <c>identity verify</c> uses, and fails the
/// test at the first step whose status, header or body differs, naming the fixture, step and difference.
/// </summary>
internal sealed class ReplayRunner(HttpClient client, string basePath, string token)
{
    private readonly ReplayEngine _engine = new(client, new Uri(client.BaseAddress!, basePath).ToString(), token);

    public IReadOnlyDictionary<string, string> Variables => _engine.Variables;

    /// <summary>Every answer so far, in step order, for comparing two tenants' runs of one fixture.</summary>
    public IReadOnlyList<ReplayResponse> Responses => _engine.Responses;

    public async Task RunAsync(ReplayFixture fixture)
    {
        var outcome = await _engine.RunAsync(fixture, CancellationToken.None).WithTimeout(TimeSpan.FromSeconds(120));

        Assert.True(outcome.Passed, outcome.Describe());
    }
}
