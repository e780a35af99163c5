using Identity.Scim.Errors;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Schemas;

public sealed class SchemaRegistryTests
{
    private const string BaseUrl = "https://scim.example.com/v2/";

    [Fact]
    public void Default_UserSchema_HasRfc7643Characteristics()
    {
        var user = SchemaRegistry.Default.UserSchema;

        var userName = user.FindAttribute("USERNAME")!;
        var password = user.FindAttribute("password")!;
        var emailType = user.FindAttribute("emails")!.FindSubAttribute("type")!;
        var groups = user.FindAttribute("groups")!;
        Assert.True(userName.Required);
        Assert.Equal(ScimUniqueness.Server, userName.Uniqueness);
        Assert.Equal(ScimReturned.Never, password.Returned);
        Assert.Equal(ScimMutability.WriteOnly, password.Mutability);
        Assert.Equal(new[] { "work", "home", "other" }, emailType.CanonicalValues);
        Assert.Equal(ScimMutability.ReadOnly, groups.Mutability);
        Assert.Equal(new[] { "User", "Group" }, groups.FindSubAttribute("$ref")!.ReferenceTypes);
    }

    [Fact]
    public void Default_GroupAndEnterpriseSchemas_AreRegistered()
    {
        var registry = SchemaRegistry.Default;

        var members = registry.GroupSchema.FindAttribute("members")!;
        var manager = registry.EnterpriseUserSchema.FindAttribute("manager")!;

        Assert.True(members.MultiValued);
        Assert.Equal(ScimMutability.Immutable, members.FindSubAttribute("value")!.Mutability);
        Assert.Equal(ScimAttributeType.Complex, manager.Type);
        Assert.Equal(ScimMutability.ReadOnly, manager.FindSubAttribute("displayName")!.Mutability);
        Assert.Equal([ScimSchemaUris.EnterpriseUser], registry.Users.Extensions.Select(e => e.Id));
    }

    [Fact]
    public void RenderSchemas_Default_IsListResponseOfThreeSchemasWithLocations()
    {
        var document = SchemaRegistry.Default.RenderSchemas(BaseUrl);

        Assert.Equal(ScimSchemaUris.ListResponse, document["schemas"]![0]!.GetValue<string>());
        Assert.Equal(3, document["totalResults"]!.GetValue<int>());
        var user = document["Resources"]![0]!;
        Assert.Equal(ScimSchemaUris.User, user["id"]!.GetValue<string>());
        Assert.Equal("https://scim.example.com/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", user["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public void RenderSchema_User_RendersAttributeCharacteristicsInCamelCase()
    {
        var document = SchemaRegistry.Default.RenderSchema(ScimSchemaUris.User, BaseUrl);

        var userName = document["attributes"]!.AsArray().First(a => a!["name"]!.GetValue<string>() == "userName")!;
        var password = document["attributes"]!.AsArray().First(a => a!["name"]!.GetValue<string>() == "password")!;
        Assert.Equal("string", userName["type"]!.GetValue<string>());
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        Assert.Equal("writeOnly", password["mutability"]!.GetValue<string>());
        Assert.Equal("never", password["returned"]!.GetValue<string>());
    }

    [Fact]
    public void RenderResourceTypes_Default_ListsUserWithEnterpriseExtension()
    {
        var document = SchemaRegistry.Default.RenderResourceTypes(BaseUrl);

        var user = document["Resources"]![0]!;
        Assert.Equal(2, document["totalResults"]!.GetValue<int>());
        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
        Assert.Equal(ScimSchemaUris.EnterpriseUser, user["schemaExtensions"]![0]!["schema"]!.GetValue<string>());
        Assert.Equal("https://scim.example.com/v2/ResourceTypes/User", user["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public void RenderResourceType_UnknownName_ThrowsNotFound()
    {
        var error = Assert.Throws<ScimException>(() => SchemaRegistry.Default.RenderResourceType("Device", BaseUrl));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public void WithExtensions_CustomSchemaJson_IsResolvableAndRendered()
    {
        var extension = Json.Object("""
            {"id":"urn:example:tenant:2.0:User","name":"TenantUser","description":"Tenant attributes",
             "attributes":[
               {"name":"badge","type":"string","multiValued":false,"required":true,"caseExact":true,"mutability":"immutable","returned":"default","uniqueness":"server"},
               {"name":"clearance","type":"string","canonicalValues":["low","high"]},
               {"name":"desk","type":"complex","subAttributes":[{"name":"floor","type":"integer"}]}]}
            """);

        var registry = SchemaRegistry.Default.WithExtensions("User", [extension]);

        var resolved = registry.Users.Resolve(new Identity.Scim.Paths.AttributePath("urn:example:tenant:2.0:User", "desk", "floor"))!;
        Assert.Equal(ScimAttributeType.Integer, resolved.Target.Type);
        Assert.Equal(4, registry.RenderSchemas(BaseUrl)["totalResults"]!.GetValue<int>());
        Assert.Equal(2, registry.RenderResourceType("User", BaseUrl)["schemaExtensions"]!.AsArray().Count);
        Assert.Single(SchemaRegistry.Default.Users.Extensions);
    }

    [Theory]
    [InlineData("""{"id":"notaurn","attributes":[]}""", "must be a URN")]
    [InlineData("""{"id":"urn:x:y"}""", "'attributes' array")]
    [InlineData("""{"id":"urn:x:y","attributes":[{"name":"a","type":"texty"}]}""", "'texty' is not a valid")]
    [InlineData("""{"id":"urn:x:y","attributes":[{"name":"1a"}]}""", "not a valid attribute name")]
    [InlineData("""{"id":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","attributes":[]}""", "already registered")]
    public void WithExtensions_MalformedSchema_ThrowsInvalidValue(string json, string expectedDetail)
    {
        var error = Assert.Throws<ScimException>(() => SchemaRegistry.Default.WithExtensions("User", [Json.Object(json)]));

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }
}
