using System.Text.Json.Nodes;
using Identity.Scim.Errors;

namespace Identity.Scim.Schemas;

/// <summary>
/// The one place schema knowledge lives (docs/architecture.md, "The SCIM core"): core User and Group, the Enterprise
/// User extension, and any tenant extensions. Immutable; <see cref="WithExtensions(string, IEnumerable{JsonObject}, bool)"/>
/// returns a new registry.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly IReadOnlyList<ScimSchema> _schemas;
    private readonly IReadOnlyList<ScimResourceType> _resourceTypes;
    private readonly Dictionary<string, ResourceSchema> _byResourceType;

    private SchemaRegistry(IReadOnlyList<ScimSchema> schemas, IReadOnlyList<ScimResourceType> resourceTypes)
    {
        _schemas = schemas;
        _resourceTypes = resourceTypes;
        _byResourceType = new Dictionary<string, ResourceSchema>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in resourceTypes)
        {
            var core = FindSchema(type.Schema) ?? throw new InvalidOperationException($"Schema {type.Schema} is missing.");
            var extensions = type.SchemaExtensions
                .Select(e => FindSchema(e.Schema) ?? throw new InvalidOperationException($"Schema {e.Schema} is missing."))
                .ToList();
            _byResourceType[type.Name] = new ResourceSchema(type, core, extensions);
        }
    }

    /// <summary>User (with the Enterprise extension, optional) and Group, as RFC 7643 §8.7 defines them.</summary>
    public static SchemaRegistry Default { get; } = new(
        [UserSchemaDefinition.Create(), GroupSchemaDefinition.Create(), EnterpriseUserSchemaDefinition.Create()],
        [
            new ScimResourceType
            {
                Name = "User",
                Endpoint = "/Users",
                Description = "User Account",
                Schema = ScimSchemaUris.User,
                SchemaExtensions = [new SchemaExtensionReference(ScimSchemaUris.EnterpriseUser, false)],
            },
            new ScimResourceType { Name = "Group", Endpoint = "/Groups", Description = "Group", Schema = ScimSchemaUris.Group },
        ]);

    public IReadOnlyList<ScimSchema> Schemas => _schemas;

    public IReadOnlyList<ScimResourceType> ResourceTypes => _resourceTypes;

    public ScimSchema UserSchema => FindSchema(ScimSchemaUris.User)!;

    public ScimSchema GroupSchema => FindSchema(ScimSchemaUris.Group)!;

    public ScimSchema EnterpriseUserSchema => FindSchema(ScimSchemaUris.EnterpriseUser)!;

    /// <summary>The User resource type with its extensions: the context for User filters, PATCH and validation.</summary>
    public ResourceSchema Users => ForResourceType("User");

    /// <summary>The Group resource type with its extensions.</summary>
    public ResourceSchema Groups => ForResourceType("Group");

    /// <summary>Finds a schema by URN, case-insensitively; null when unknown.</summary>
    public ScimSchema? FindSchema(string id) =>
        _schemas.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The schema context of a resource type; unknown names throw notFound.</summary>
    public ResourceSchema ForResourceType(string name) =>
        _byResourceType.TryGetValue(name, out var schema)
            ? schema
            : throw ScimException.NotFound($"Resource type '{name}' is not defined.");

    /// <summary>
    /// Returns a registry that adds extension schemas, given as RFC 7643 §7 JSON, to a resource
    /// type (a tenant's custom attributes). Malformed or clashing schemas throw invalidValue.
    /// </summary>
    public SchemaRegistry WithExtensions(string resourceType, IEnumerable<JsonObject> schemaDocuments, bool required = false) =>
        WithExtensions(resourceType, schemaDocuments.Select(SchemaJsonReader.Read), required);

    /// <summary>Returns a registry that adds already-built extension schemas to a resource type.</summary>
    public SchemaRegistry WithExtensions(string resourceType, IEnumerable<ScimSchema> extensions, bool required = false)
    {
        var target = ForResourceType(resourceType).ResourceType;
        var schemas = _schemas.ToList();
        var references = target.SchemaExtensions.ToList();
        foreach (var extension in extensions)
        {
            if (FindSchema(extension.Id) is not null || schemas.Any(s => string.Equals(s.Id, extension.Id, StringComparison.OrdinalIgnoreCase)))
            {
                throw ScimException.InvalidValue($"Schema '{extension.Id}' is already registered.");
            }

            schemas.Add(extension);
            references.Add(new SchemaExtensionReference(extension.Id, required));
        }

        var types = _resourceTypes
            .Select(t => t == target ? CopyWith(t, references) : t)
            .ToList();
        return new SchemaRegistry(schemas, types);
    }

    /// <summary>The /Schemas ListResponse (RFC 7644 §4).</summary>
    public JsonObject RenderSchemas(string baseUrl) =>
        SchemaDocumentWriter.ListResponse(_schemas.Select(s => SchemaDocumentWriter.Schema(s, baseUrl)).ToList());

    /// <summary>/Schemas/{id}; unknown ids throw notFound.</summary>
    public JsonObject RenderSchema(string id, string baseUrl) =>
        SchemaDocumentWriter.Schema(FindSchema(id) ?? throw ScimException.NotFound($"Schema '{id}' is not defined."), baseUrl);

    /// <summary>The /ResourceTypes ListResponse (RFC 7644 §4).</summary>
    public JsonObject RenderResourceTypes(string baseUrl) =>
        SchemaDocumentWriter.ListResponse(_resourceTypes.Select(t => SchemaDocumentWriter.ResourceType(t, baseUrl)).ToList());

    /// <summary>/ResourceTypes/{name}; unknown names throw notFound.</summary>
    public JsonObject RenderResourceType(string name, string baseUrl) =>
        SchemaDocumentWriter.ResourceType(ForResourceType(name).ResourceType, baseUrl);

    private static ScimResourceType CopyWith(ScimResourceType type, IReadOnlyList<SchemaExtensionReference> extensions) => new()
    {
        Name = type.Name,
        Endpoint = type.Endpoint,
        Description = type.Description,
        Schema = type.Schema,
        SchemaExtensions = extensions,
    };
}
