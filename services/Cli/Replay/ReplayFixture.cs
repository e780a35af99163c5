using System.Text.Json.Nodes;

namespace Identity.Cli.Replay;

/// <summary>
/// A recorded IdP provisioning sequence: where it comes from and its requests in order. Names are
/// "&lt;idp&gt;/&lt;sequence&gt;.json", the folder under Replay/Fixtures that the tool embeds.
/// </summary>
public sealed record ReplayFixture(string Name, string Idp, string Source, string UserAgent, IReadOnlyList<JsonObject> Steps)
{
    public static ReplayFixture Load(string name)
    {
        var document = JsonNode.Parse(FixtureCatalog.ReadText(name))!.AsObject();
        return new ReplayFixture(
            name,
            name.Split('/')[0],
            document["source"]!.GetValue<string>(),
            document["userAgent"]?.GetValue<string>() ?? "Identity replay",
            document["steps"]!.AsArray().Select(s => s!.AsObject()).ToList());
    }
}
