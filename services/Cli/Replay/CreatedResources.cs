using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Identity.Cli.Replay;

/// <summary>
/// The users and groups a run made and has not deleted yet, learned from the answers themselves
/// (any 2xx to a POST on /Users or /Groups that names an id, even when the status was wrong), so
/// cleanup removes them whatever step failed.
/// </summary>
public sealed partial class CreatedResources
{
    private readonly List<(string Type, string Id)> _live = [];

    /// <summary>Groups first, so deleting a user never waits on a group that still lists it.</summary>
    public IReadOnlyList<(string Type, string Id)> Live =>
        [.. _live.Where(r => r.Type == "Groups"), .. _live.Where(r => r.Type == "Users")];

    public void Observe(HttpMethod method, string relativePath, int status, JsonNode? body)
    {
        var path = relativePath.Split('?', 2)[0].TrimEnd('/');
        if (method == HttpMethod.Post && status is >= 200 and < 300 && Collection().Match(path) is { Success: true } created
            && Placeholders.Select(body, "id") is { Length: > 0 } id)
        {
            _live.Add((created.Groups[1].Value, id));
        }
        else if (method == HttpMethod.Delete && status is 204 or 404 && Resource().Match(path) is { Success: true } deleted)
        {
            _live.Remove((deleted.Groups[1].Value, Uri.UnescapeDataString(deleted.Groups[2].Value)));
        }
    }

    [GeneratedRegex("^/(Users|Groups)$")]
    private static partial Regex Collection();

    [GeneratedRegex("^/(Users|Groups)/([^/]+)$")]
    private static partial Regex Resource();
}
