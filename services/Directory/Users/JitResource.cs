using System.Text.Json.Nodes;
using Identity.Scim.Resources;

namespace Identity.Directory.Users;

/// <summary>Writes what an application knows at first login into a SCIM User resource.</summary>
internal static class JitResource
{
    public static JsonObject Merge(JsonObject resource, string userName, JitProfile profile)
    {
        ScimJson.Set(resource, "userName", userName);
        SetIfGiven(resource, "externalId", profile.ExternalId);
        SetIfGiven(resource, "displayName", profile.DisplayName);
        if (!string.IsNullOrWhiteSpace(profile.GivenName) || !string.IsNullOrWhiteSpace(profile.FamilyName))
        {
            if (ScimJson.Get(resource, "name") is not JsonObject name)
            {
                name = [];
                ScimJson.Set(resource, "name", name);
            }
            SetIfGiven(name, "givenName", profile.GivenName);
            SetIfGiven(name, "familyName", profile.FamilyName);
        }
        if (!string.IsNullOrWhiteSpace(profile.Email))
        {
            var emails = ScimJson.Get(resource, "emails") as JsonArray;
            var known = emails?.OfType<JsonObject>().Any(e =>
                string.Equals(ScimJson.AsString(ScimJson.Get(e, "value")), profile.Email, StringComparison.OrdinalIgnoreCase)) == true;
            if (!known)
            {
                ScimJson.Set(resource, "emails", new JsonArray(new JsonObject { ["value"] = profile.Email, ["type"] = "work", ["primary"] = true }));
            }
        }
        return resource;
    }

    private static void SetIfGiven(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            ScimJson.Set(target, name, value);
        }
    }
}
