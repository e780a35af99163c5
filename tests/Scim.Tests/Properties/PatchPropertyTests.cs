using System.Text.Json.Nodes;
using CsCheck;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;
using Identity.Scim.Validation;

namespace Identity.Scim.Tests.Properties;

public sealed class PatchPropertyTests
{
    private static readonly Gen<string> Ops = Gen.OneOf("add", "Add", "replace", "Replace", "remove", "REMOVE", "move", "");

    // Real paths, IdP paths and broken ones; null means "no path".
    private static readonly Gen<string?> UserPaths = Gen.OneOf<string?>(
        null, "userName", "displayName", "active", "name", "name.givenName", "emails", "emails.value", "emails.primary",
        "emails[type eq \"work\"].value", "emails[type eq \"work\"]", "emails[value co \"@\"]", "emails[type eq \"home\"].primary",
        "addresses[type eq \"work\"].locality", "phoneNumbers[type ne \"x\"].type", "groups", "id", "meta.created", "password",
        "x509Certificates", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"]",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "nope", "name.nope", "emails[", "");

    private static readonly Gen<string?> GroupPaths = Gen.OneOf<string?>(
        null, "displayName", "members", "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
        "members[value eq \"a\" or value eq \"b\"]", "members[display co \"B\"]", "members.value", "members[value eq \"x\"].display", "externalId");

    private static readonly Gen<string?> Values = Gen.OneOf<string?>(
        null, "null", "\"\"", "\"x\"", "\"False\"", "true", "42", "1.5", "[]", "{}", "[{\"value\":\"a\"}]",
        "[{\"value\":\"b@x\",\"type\":\"work\",\"primary\":true}]", "{\"value\":\"a\",\"primary\":\"true\"}",
        "{\"givenName\":\"G\",\"familyName\":\"F\"}", "{\"name.givenName\":\"G\",\"active\":\"false\",\"id\":\"z\"}",
        "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"D\"}}",
        "{\"members\":[{\"value\":\"m1\"}],\"displayName\":\"N\"}", "[{\"$ref\":null,\"value\":\"902c246b-6245-4190-8e05-00816be7344a\"}]",
        "[1,2]", "\"2011-05-13T04:42:34Z\"", "{\"bad..key\":1}");

    private static Gen<JsonObject> Bodies(Gen<string?> paths) =>
        Gen.Select(Ops, paths, Values, (op, path, value) =>
        {
            var operation = new JsonObject { ["op"] = op };
            if (path is not null)
            {
                operation["path"] = path;
            }

            if (value is not null)
            {
                operation["value"] = JsonNode.Parse(value);
            }

            return operation;
        })
        .Array[1, 6]
        .Select(operations => new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.PatchOp),
            ["Operations"] = new JsonArray(operations.Select(o => (JsonNode?)o).ToArray()),
        });

    [Fact]
    public void PatchEngineApply_RandomUserOperations_ThrowsOnlyScimExceptionAndNeverHalfApplies()
    {
        Bodies(UserPaths).Sample(body => AssertAppliesOrFailsCleanly(Fixtures.User(), body, SchemaRegistry.Default.Users), iter: 3000);
    }

    [Fact]
    public void PatchEngineApply_RandomGroupOperations_ThrowsOnlyScimExceptionAndNeverHalfApplies()
    {
        Bodies(GroupPaths).Sample(body => AssertAppliesOrFailsCleanly(Fixtures.Group(), body, SchemaRegistry.Default.Groups), iter: 2000);
    }

    [Fact]
    public void GroupPatchPlannerPlan_RandomGroupOperations_ThrowsOnlyScimException()
    {
        Bodies(GroupPaths).Sample(
            body =>
            {
                try
                {
                    var plan = GroupPatchPlanner.Plan(PatchRequest.Parse(body));

                    Assert.All(plan.MemberChanges, change => Assert.All(change.Ids, id => Assert.False(string.IsNullOrEmpty(id))));
                }
                catch (ScimException error)
                {
                    Assert.False(string.IsNullOrEmpty(error.ScimType));
                }
            },
            iter: 2000);
    }

    [Fact]
    public void ResourceValidatorValidateCreate_RandomlyPatchedUser_ThrowsOnlyScimException()
    {
        Bodies(UserPaths).Sample(
            body =>
            {
                try
                {
                    var patched = PatchEngine.Apply(Fixtures.User(), PatchRequest.Parse(body), SchemaRegistry.Default.Users, ValidationOptions.Lenient);

                    var validated = ResourceValidator.ValidateCreate(patched, SchemaRegistry.Default.Users);

                    Assert.Equal(ScimSchemaUris.User, validated["schemas"]![0]!.GetValue<string>());
                }
                catch (ScimException error)
                {
                    Assert.False(string.IsNullOrEmpty(error.Detail));
                }
            },
            iter: 1000);
    }

    private static void AssertAppliesOrFailsCleanly(JsonObject resource, JsonObject body, ResourceSchema schema)
    {
        var before = resource.ToJsonString();
        try
        {
            var result = PatchEngine.Apply(resource, PatchRequest.Parse(body), schema);

            Assert.NotSame(resource, result);
        }
        catch (ScimException error)
        {
            Assert.False(string.IsNullOrEmpty(error.ScimType));
        }

        Assert.Equal(before, resource.ToJsonString());
    }
}
