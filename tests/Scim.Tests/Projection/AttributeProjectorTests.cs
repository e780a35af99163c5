using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Projection;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Projection;

public sealed class AttributeProjectorTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly ResourceSchema Users = SchemaRegistry.Default.Users;

    [Fact]
    public void Project_NoParameters_DropsNeverReturnedPassword()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users);

        Assert.False(result.ContainsKey("password"));
        Assert.True(result.ContainsKey("emails"));
        Assert.True(result.ContainsKey(Enterprise));
    }

    [Fact]
    public void Project_Attributes_KeepsAlwaysReturnedAndRequested()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: "userName,name.givenName");

        Assert.Equal(["schemas", "id", "userName", "name", "meta"], result.Select(p => p.Key));
        Assert.Equal("""{"givenName":"Barbara"}""", result["name"]!.ToJsonString());
    }

    [Fact]
    public void Project_AttributesAskingForPassword_StillOmitsIt()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: "password");

        Assert.False(result.ContainsKey("password"));
    }

    [Fact]
    public void Project_MultiValuedSubAttribute_KeepsOnlyThatFieldPerValue()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: "emails.value");

        Assert.Equal("""[{"value":"bjensen@example.com"},{"value":"babs@jensen.org"}]""", result["emails"]!.ToJsonString());
    }

    [Fact]
    public void Project_UrnQualifiedExtensionAttribute_KeepsOnlyIt()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: Enterprise + ":department");

        Assert.Equal("""{"department":"Tour Operations"}""", result[Enterprise]!.ToJsonString());
        Assert.False(result.ContainsKey("userName"));
    }

    [Fact]
    public void Project_WholeExtensionByUrn_KeepsExtensionObject()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: Enterprise);

        Assert.Equal(4, result[Enterprise]!.AsObject().Count);
    }

    [Fact]
    public void Project_ExcludedMembers_DropsMembersKeepsDisplayName()
    {
        // docs/idp-dialects.md §2.1: Entra queries groups with excludedAttributes=members.
        var result = AttributeProjector.Project(Fixtures.Group(), SchemaRegistry.Default.Groups, excludedAttributes: "members");

        Assert.False(result.ContainsKey("members"));
        Assert.Equal("Tour Guides", result["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Project_ExcludedAlwaysReturned_IsStillReturned()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, excludedAttributes: "id,schemas,emails.type,name");

        Assert.True(result.ContainsKey("id"));
        Assert.True(result.ContainsKey("schemas"));
        Assert.False(result.ContainsKey("name"));
        Assert.False(result["emails"]![0]!.AsObject().ContainsKey("type"));
    }

    [Fact]
    public void Project_ExcludedExtensionAttributeByShortName_Drops()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, excludedAttributes: "manager");

        Assert.False(result[Enterprise]!.AsObject().ContainsKey("manager"));
        Assert.True(result[Enterprise]!.AsObject().ContainsKey("department"));
    }

    [Fact]
    public void Project_RequestReturnedAttribute_OnlyWhenAsked()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"secretHint","type":"string","returned":"request"}]}
            """)]);
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"u","urn:example:ext:1.0:User":{"secretHint":"h"}}""");

        var byDefault = AttributeProjector.Project(user, registry.Users);
        var asked = AttributeProjector.Project(user, registry.Users, attributes: "secretHint");

        Assert.False(byDefault.ContainsKey("urn:example:ext:1.0:User"));
        Assert.Equal("h", asked["urn:example:ext:1.0:User"]!["secretHint"]!.GetValue<string>());
    }

    [Fact]
    public void Project_BadAttributeName_ThrowsInvalidPath()
    {
        var error = Assert.Throws<ScimException>(() => AttributeProjector.Project(Fixtures.User(), Users, attributes: "name..x"));

        Assert.Equal("invalidPath", error.ScimType);
        Assert.Contains("'attributes'", error.Detail, StringComparison.Ordinal);
    }
    // ProjectForResponse skips the copy only when the default projection would change nothing:
    // DefaultKeepsAll must say exactly that, for resources that trip each of Project's rules.
    public static TheoryData<string, string> DefaultProjectionCases() => new()
    {
        { "user without password", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"a","name":{"givenName":"A"},"emails":[{"value":"a@x.org","primary":true}],"meta":{"resourceType":"User"}}""" },
        { "password (never returned)", """{"userName":"a","password":"secret"}""" },
        { "null member", """{"userName":"a","displayName":null}""" },
        { "empty complex attribute", """{"userName":"a","name":{}}""" },
        { "null sub-attribute", """{"userName":"a","name":{"givenName":null}}""" },
        { "unknown attribute", """{"userName":"a","favouriteColour":"teal"}""" },
        { "unknown sub-attribute", """{"userName":"a","name":{"nickname2":"x"}}""" },
        { "array with a non-object and an empty object", """{"userName":"a","emails":["x",{},null]}""" },
        { "enterprise extension", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Ops","manager":{"value":"m1"}}}""" },
        { "empty extension", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{}}""" },
        { "extension that is not an object", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":"x"}""" },
        { "null inside the extension", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":null}}""" },
        { "empty manager in the extension", """{"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{}}}""" },
    };

    [Theory]
    [MemberData(nameof(DefaultProjectionCases))]
    public void DefaultKeepsAll_IsTrueExactlyWhenTheDefaultProjectionChangesNothing(string description, string json)
    {
        var resource = Json.Object(json);

        var unchanged = JsonNode.DeepEquals(AttributeProjector.Project(resource, Users), resource);

        Assert.True(unchanged == AttributeProjector.DefaultKeepsAll(resource, Users), description);
    }

    [Fact]
    public void ProjectForResponse_ReturnsTheResourceItselfOnlyWhenNothingIsDropped()
    {
        var clean = Fixtures.User();
        clean.Remove("password");
        var withPassword = Fixtures.User();

        Assert.Same(clean, AttributeProjector.ProjectForResponse(clean, Users));
        Assert.NotSame(clean, AttributeProjector.ProjectForResponse(clean, Users, attributes: "userName"));
        Assert.False(AttributeProjector.ProjectForResponse(withPassword, Users).ContainsKey("password"));
        Assert.True(withPassword.ContainsKey("password"));
    }
}
