using System.Text.Json.Nodes;
using Identity.Cli.Replay;

namespace Identity.Cli.Tests.Verify;

/// <summary>The engine's pure parts: placeholders and expectation matching.</summary>
public sealed class ReplayEngineTests
{
    [Fact]
    public void Substitute_KnownVariable_ReplacedAndMarkersKept()
    {
        var variables = new Dictionary<string, string> { ["run"] = "ab12cd34", ["userId"] = "u-1" };

        var text = Placeholders.Substitute("/Users/${userId}?x=${run}&y=${any}", variables);

        Assert.Equal("/Users/u-1?x=ab12cd34&y=${any}", text);
    }

    [Fact]
    public void Substitute_VariableNotCaptured_NamesIt()
    {
        var error = Assert.Throws<ReplayFixtureException>(() => Placeholders.Substitute("/Groups/${groupId}", new Dictionary<string, string>()));

        Assert.Contains("${groupId}", error.Message);
    }

    [Fact]
    public void Mismatches_SubsetAnyAndAbsent_OnlyRealDifferences()
    {
        var expected = JsonNode.Parse("""{"id":"${any}","active":true,"password":"${absent}","emails":[{"value":"a@b"}]}""");
        var actual = JsonNode.Parse("""{"id":"1","active":false,"password":"x","emails":[{"value":"a@b","primary":true}],"extra":1}""");

        var mismatches = JsonExpectation.Mismatches(expected, actual).Select(m => m.ToString()).ToList();

        Assert.Equal(["$.active: expected true, found false", "$.password: expected absent, found \"x\""], mismatches);
    }

    [Fact]
    public void Select_PathIntoArrays_AnswersTheValue()
    {
        var body = JsonNode.Parse("""{"Resources":[{"id":"g1","members":[{"value":"u1"},{"value":"u2"}]}]}""");

        Assert.Equal("u2", Placeholders.Select(body, "Resources[0].members[1].value"));
        Assert.Null(Placeholders.Select(body, "Resources[3].id"));
    }

    [Fact]
    public void CreatedResources_CreateThenDelete_TracksOnlyWhatIsLeft()
    {
        var created = new CreatedResources();

        created.Observe(HttpMethod.Post, "/Users", 201, JsonNode.Parse("""{"id":"u1"}"""));
        created.Observe(HttpMethod.Post, "/Users", 200, JsonNode.Parse("""{"id":"u2"}"""));
        created.Observe(HttpMethod.Post, "/Groups", 201, JsonNode.Parse("""{"id":"g1"}"""));
        created.Observe(HttpMethod.Post, "/Users", 409, JsonNode.Parse("""{"status":"409"}"""));
        created.Observe(HttpMethod.Delete, "/Users/u1", 204, null);

        Assert.Equal([("Groups", "g1"), ("Users", "u2")], created.Live);
    }
}
