using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Resources;

namespace Identity.Scim.Tests.Resources;

public sealed class StrictJsonParserTests
{
    [Theory]
    [InlineData("""{"userName":"bjensen","emails":[{"value":"b@example.com","primary":true}],"x":null,"n":12}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":{"a":[1,2,{"b":[]}]}}]}""")]
    [InlineData("""{"name":"\ud83d\ude00 caf\u00e9 \"quoted\""}""")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public void Parse_ValidJson_MatchesSystemTextJson(string json)
    {
        var strict = StrictJsonParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), strict!.ToJsonString());
    }

    [Fact]
    public void Parse_Numbers_KeepTheirTextAndKind()
    {
        var node = StrictJsonParser.Parse("""{"big":1e400,"long":123456789012345678901234,"int":7}"""u8)!.AsObject();

        Assert.Equal("1e400", node["big"]!.ToJsonString());
        Assert.Equal("123456789012345678901234", node["long"]!.ToJsonString());
        Assert.Equal(JsonValueKind.Number, node["big"]!.GetValueKind());
        Assert.True(node["int"]!.AsValue().TryGetValue<int>(out var seven));
        Assert.Equal(7, seven);
    }

    [Fact]
    public void Parse_Utf8Bom_IsSkipped()
    {
        var node = StrictJsonParser.Parse([0xEF, 0xBB, 0xBF, .. """{"a":"b"}"""u8]);

        Assert.Equal("b", node!["a"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"op":"add","op":"remove"}""", "'op' appears twice in the top-level object")]
    [InlineData("""{"userName":"a","USERNAME":"b"}""", "'USERNAME' appears twice in the top-level object")]
    [InlineData("""{"Operations":[{"op":"add"},{"path":"a","PATH":"b"}]}""", "'PATH' appears twice in Operations[1]")]
    [InlineData("""{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"A":11}""", "'A' appears twice")]
    public void Parse_DuplicateMember_IsInvalidSyntaxNamingWhere(string json, string expected)
    {
        var error = Assert.Throws<ScimException>(() => StrictJsonParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(400, error.Status);
        Assert.Equal(ScimErrorTypes.InvalidSyntax, error.ScimType);
        Assert.Contains(expected, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"userName":"\ud800"}""", "(in userName)")]
    [InlineData("""{"userName":"\udc00x"}""", "(in userName)")]
    [InlineData("""{"emails":[{"value":"a\ud800\u0041"}]}""", "(in emails[0].value)")]
    [InlineData("""{"\ud800":"x"}""", "member name")]
    public void Parse_LoneEscapedSurrogate_IsInvalidSyntax(string json, string expected)
    {
        var error = Assert.Throws<ScimException>(() => StrictJsonParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(ScimErrorTypes.InvalidSyntax, error.ScimType);
        Assert.Contains(expected, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    public void Parse_InvalidUtf8InString_IsInvalidSyntax(byte[] bad)
    {
        byte[] json = [.. """{"displayName":"a"""u8, .. bad, .. """b"}"""u8];

        var error = Assert.Throws<ScimException>(() => StrictJsonParser.Parse(json));

        Assert.Equal(ScimErrorTypes.InvalidSyntax, error.ScimType);
        Assert.Contains("displayName", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooDeep_IsInvalidSyntaxNamingTheLimit()
    {
        var json = new string('[', 40) + new string(']', 40);

        var error = Assert.Throws<ScimException>(() => StrictJsonParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("deeper than 32", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"a":1,}""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("""{"a":/*c*/1}""")]
    [InlineData("""{'a':1}""")]
    [InlineData("""{"a":01}""")]
    [InlineData("""{"a":NaN}""")]
    public void Parse_Malformed_IsInvalidSyntax(string json)
    {
        var error = Assert.Throws<ScimException>(() => StrictJsonParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(400, error.Status);
        Assert.Equal(ScimErrorTypes.InvalidSyntax, error.ScimType);
    }

    [Fact]
    public void Parse_RandomBytes_OnlyEverThrowsScimException()
    {
        var random = new Random(1807);
        var seed = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"b\u00e9","emails":[{"value":"x@y","primary":true}],"n":1.5e3}"""u8.ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            var mutated = (byte[])seed.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            try
            {
                var node = StrictJsonParser.Parse(mutated);
                // Whatever was accepted must be fully readable: no deferred failure.
                _ = node?.ToJsonString();
            }
            catch (ScimException ex)
            {
                Assert.Equal(400, ex.Status);
            }
        }
    }
}
