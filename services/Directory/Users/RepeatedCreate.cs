using System.Text.Json.Nodes;
using Identity.Scim.Resources;

namespace Identity.Directory.Users;

/// <summary>
/// Decides whether a create that found its userName taken is a retry of the create that took it: an IdP
/// whose answer was lost (edge restarted mid-request) sends the same create again, and a 409 would make it
/// loop on that user (docs/idp-dialects.md §2.7). The check lives in Directory because only Directory sees
/// the stored user whole and decides uniqueness; the edge would need a second read that can race the write.
/// </summary>
public static class RepeatedCreate
{
    /// <summary>
    /// True when <paramref name="existing"/> is what <paramref name="candidate"/> would have created:
    /// created by SCIM within <paramref name="window"/> of <paramref name="now"/>, never changed since
    /// (version 1), and with the same resource apart from id and meta, which Directory assigns.
    /// </summary>
    public static bool IsRepeatOf(StoredUser existing, StoredUser candidate, DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero || existing.IsDeleted || existing.Version != 1
            || existing.Origin != UserOrigin.Scim || !existing.IdpManaged
            || existing.TenantId != candidate.TenantId)
        {
            return false;
        }
        var age = now - existing.Created;
        return age >= TimeSpan.Zero && age <= window && SameContent(existing.ResourceJson, candidate.ResourceJson);
    }

    private static bool SameContent(string storedJson, string candidateJson) =>
        JsonNode.DeepEquals(WithoutServerFields(storedJson), WithoutServerFields(candidateJson));

    private static JsonNode? WithoutServerFields(string json)
    {
        var node = JsonNode.Parse(json);
        if (node is JsonObject resource)
        {
            // id and meta are Directory's (and meta.location the edge's), never the client's content.
            ScimJson.Remove(resource, "id");
            ScimJson.Remove(resource, "meta");
        }
        return node;
    }
}
