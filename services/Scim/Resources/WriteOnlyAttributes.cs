using System.Text.Json.Nodes;
using Identity.Scim.Schemas;

namespace Identity.Scim.Resources;

/// <summary>
/// The User attributes a server takes in but never keeps (RFC 7643 §4.1.1 password: writeOnly,
/// returned never). Identity has no password flow (ServiceProviderConfig changePassword is false),
/// so an IdP's password is accepted, so provisioning does not fail, and dropped before anything
/// stores, audits or forwards it.
/// </summary>
public static class WriteOnlyAttributes
{
    public const string Password = "password";

    // The URN-qualified spelling an IdP may send for the same core attribute (RFC 7644 §3.10).
    private static readonly string QualifiedPassword = ScimSchemaUris.User + ":" + Password;

    /// <summary>Removes every spelling of password (any case, bare or URN-qualified); true when one was there.</summary>
    public static bool Strip(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var removed = false;
        // A loop, not one Remove: a body may carry "password" and "Password" both.
        while (ScimJson.Remove(resource, Password) | ScimJson.Remove(resource, QualifiedPassword))
        {
            removed = true;
        }
        if (ScimJson.Get(resource, ScimSchemaUris.User) is JsonObject core)
        {
            while (ScimJson.Remove(core, Password))
            {
                removed = true;
            }
        }
        return removed;
    }

    /// <summary>
    /// Strips a resource held as JSON text; answers the text unchanged when it is not a JSON
    /// object or carries no password, so a migration rewrites only the rows it must.
    /// </summary>
    public static string Strip(string resourceJson, out bool removed)
    {
        removed = false;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(resourceJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return resourceJson;
        }
        if (node is not JsonObject resource || !Strip(resource))
        {
            return resourceJson;
        }
        removed = true;
        return resource.ToJsonString();
    }
}
