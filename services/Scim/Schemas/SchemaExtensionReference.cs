namespace Identity.Scim.Schemas;

/// <summary>An extension a resource type carries (RFC 7643 §6 "schemaExtensions").</summary>
public sealed record SchemaExtensionReference(string Schema, bool Required);
