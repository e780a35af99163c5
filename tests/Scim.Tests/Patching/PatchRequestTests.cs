using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Patching;

public sealed class PatchRequestTests
{
    [Fact]
    public void Parse_RfcEnvelope_ReadsOperationsInOrder()
    {
        var body = Fixtures.PatchBody(
            """{"op":"add","path":"nickName","value":"Babs"}""",
            """{"op":"remove","path":"members[value eq \"x\"]"}""");

        var request = PatchRequest.Parse(body);

        Assert.Equal([PatchOperationType.Add, PatchOperationType.Remove], request.Operations.Select(o => o.Type));
        Assert.Equal("nickName", request.Operations[0].Path!.ToString());
        Assert.Equal("Babs", request.Operations[0].Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("Add", PatchOperationType.Add)]
    [InlineData("REPLACE", PatchOperationType.Replace)]
    [InlineData("Remove", PatchOperationType.Remove)]
    public void Parse_OpNameInAnyCase_IsAccepted(string op, PatchOperationType expected)
    {
        // docs/idp-dialects.md §2.1 (Entra "Replace"), §2.4 (OneLogin "add"), §2.8 item 1.
        var body = Fixtures.PatchBody($$"""{"op":"{{op}}","path":"nickName","value":"x"}""");

        var request = PatchRequest.Parse(body);

        Assert.Equal(expected, request.Operations[0].Type);
    }

    [Fact]
    public void ToJson_ParsedRequest_RoundTrips()
    {
        var body = Fixtures.PatchBody("""{"op":"Replace","path":"emails[type eq \"work\"].value","value":"a@b.c"}""");

        var json = PatchRequest.Parse(body).ToJson();

        Assert.Equal(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"emails[type eq \u0022work\u0022].value","value":"a@b.c"}]}""",
            json.ToJsonString());
    }

    [Theory]
    [InlineData("[]", "invalidSyntax", "must be a JSON object")]
    [InlineData("""{"Operations":[{"op":"add","path":"a","value":1}]}""", "invalidSyntax", "'schemas' must contain")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax", "'Operations' array")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "invalidValue", "at least one")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[1]}""", "invalidSyntax", "must be an object")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"move","path":"a"}]}""", "invalidValue", "\"move\"")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"path":"a"}]}""", "invalidValue", "missing")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"a"}]}""", "invalidValue", "requires a 'value'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":"x"}]}""", "invalidValue", "must be an object of attributes")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove"}]}""", "noTarget", "requires a 'path'")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"emails[","value":1}]}""", "invalidPath", "The path")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":7,"value":1}]}""", "invalidPath", "must be a string")]
    public void Parse_BadEnvelope_ThrowsWithScimType(string json, string scimType, string expectedDetail)
    {
        var body = Json.Node(json);

        var error = Assert.Throws<ScimException>(() => PatchRequest.Parse(body));

        Assert.Equal(scimType, error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreOperationsThanLimit_ThrowsInvalidValue()
    {
        var body = Fixtures.PatchBody(Enumerable.Repeat("""{"op":"add","path":"nickName","value":"x"}""", 11).ToArray());

        var error = Assert.Throws<ScimException>(() => PatchRequest.Parse(body, maxOperations: 10));

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains("at most 10", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyPathString_IsTreatedAsNoPath()
    {
        var body = Fixtures.PatchBody("""{"op":"replace","path":"","value":{"active":false}}""");

        var request = PatchRequest.Parse(body);

        Assert.Null(request.Operations[0].Path);
    }
}
