using System.Text.Json.Nodes;

namespace Identity.Scim.Schemas;

/// <summary>Renders schemas and resource types as RFC 7643 §6/§7 JSON documents.</summary>
internal static class SchemaDocumentWriter
{
    public static JsonObject Schema(ScimSchema schema, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.Schema),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["description"] = schema.Description,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode?)Attribute(a)).ToArray()),
        ["meta"] = Meta("Schema", $"{Trim(baseUrl)}/Schemas/{schema.Id}"),
    };

    public static JsonObject ResourceType(ScimResourceType type, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ResourceType),
        ["id"] = type.Name,
        ["name"] = type.Name,
        ["endpoint"] = type.Endpoint,
        ["description"] = type.Description,
        ["schema"] = type.Schema,
        ["schemaExtensions"] = new JsonArray(type.SchemaExtensions
            .Select(e => (JsonNode?)new JsonObject { ["schema"] = e.Schema, ["required"] = e.Required })
            .ToArray()),
        ["meta"] = Meta("ResourceType", $"{Trim(baseUrl)}/ResourceTypes/{type.Name}"),
    };

    // RFC 7644 §4: discovery endpoints answer with a ListResponse holding every item.
    public static JsonObject ListResponse(IReadOnlyList<JsonObject> resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
        ["totalResults"] = resources.Count,
        ["itemsPerPage"] = resources.Count,
        ["startIndex"] = 1,
        ["Resources"] = new JsonArray(resources.Select(r => (JsonNode?)r).ToArray()),
    };

    private static JsonObject Attribute(ScimAttribute attribute)
    {
        var node = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = Camel(attribute.Type.ToString()),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
            ["caseExact"] = attribute.CaseExact,
            ["mutability"] = Camel(attribute.Mutability.ToString()),
            ["returned"] = Camel(attribute.Returned.ToString()),
            ["uniqueness"] = Camel(attribute.Uniqueness.ToString()),
        };
        if (attribute.CanonicalValues.Count > 0)
        {
            node["canonicalValues"] = new JsonArray(attribute.CanonicalValues.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        if (attribute.ReferenceTypes.Count > 0)
        {
            node["referenceTypes"] = new JsonArray(attribute.ReferenceTypes.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        if (attribute.SubAttributes.Count > 0)
        {
            node["subAttributes"] = new JsonArray(attribute.SubAttributes.Select(s => (JsonNode?)Attribute(s)).ToArray());
        }

        return node;
    }

    private static JsonObject Meta(string resourceType, string location) => new()
    {
        ["resourceType"] = resourceType,
        ["location"] = location,
    };

    private static string Trim(string baseUrl) => baseUrl.TrimEnd('/');

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
