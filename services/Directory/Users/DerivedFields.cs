using Identity.Scim.Paths;

namespace Identity.Directory.Users;

/// <summary>Which derived field, if any, a filter's attribute path names (names are case-insensitive, RFC 7643 §2.1).</summary>
public static class DerivedFields
{
    public static DerivedField Of(AttributePath path)
    {
        if (path.SchemaUri is not null && !string.Equals(path.SchemaUri, UserResource.CoreSchema, StringComparison.OrdinalIgnoreCase))
        {
            return DerivedField.None;
        }
        var name = path.Name.ToLowerInvariant();
        var sub = path.SubAttribute?.ToLowerInvariant();
        return (name, sub) switch
        {
            ("id", null) => DerivedField.Id,
            ("username", null) => DerivedField.UserName,
            ("externalid", null) => DerivedField.ExternalId,
            ("active", null) => DerivedField.Active,
            // RFC 7644 §3.4.2.2: a complex multi-valued attribute without a sub-attribute means its "value".
            ("emails", null or "value") => DerivedField.EmailValue,
            ("meta", "created") => DerivedField.Created,
            ("meta", "lastmodified") => DerivedField.LastModified,
            _ => DerivedField.None,
        };
    }
}
