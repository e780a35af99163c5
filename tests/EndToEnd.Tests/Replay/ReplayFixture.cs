using System.Text.Json.Nodes;

namespace Identity.EndToEnd.Tests.Replay;

/// <summary>A recorded IdP provisioning sequence: where it comes from and its requests in order.</summary>
internal sealed record ReplayFixture(string Name, string Source, string UserAgent, IReadOnlyList<JsonObject> Steps)
{
    public static ReplayFixture Load(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new ReplayFixture(
            relativePath,
            document["source"]!.GetValue<string>(),
            document["userAgent"]?.GetValue<string>() ?? "Identity replay",
            document["steps"]!.AsArray().Select(s => s!.AsObject()).ToList());
    }
}
