using System.Globalization;
using System.Text.Json.Nodes;

namespace Identity.Scim.Bench;

/// <summary>Users shaped like an Entra-provisioned enterprise user.</summary>
internal static class BenchData
{
    public static JsonObject User(int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            ["id"] = "id-" + n,
            ["externalId"] = "ext-" + n,
            ["userName"] = $"user{n}@example.com",
            ["active"] = i % 10 != 0,
            ["displayName"] = "User " + n,
            ["name"] = new JsonObject { ["givenName"] = "Given" + n, ["familyName"] = "Family" + n },
            ["emails"] = new JsonArray(
                new JsonObject { ["value"] = $"user{n}@example.com", ["type"] = "work", ["primary"] = true },
                new JsonObject { ["value"] = $"home{n}@example.org", ["type"] = "home" }),
            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject
            {
                ["department"] = "Dept" + (i % 20).ToString(CultureInfo.InvariantCulture),
                ["manager"] = new JsonObject { ["value"] = "id-" + (i / 10).ToString(CultureInfo.InvariantCulture) },
            },
            ["meta"] = new JsonObject { ["resourceType"] = "User", ["created"] = "2026-01-01T00:00:00Z" },
        };
    }
}
