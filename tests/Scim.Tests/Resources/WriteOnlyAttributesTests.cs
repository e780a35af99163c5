using System.Text.Json.Nodes;
using Identity.Scim.Resources;

namespace Identity.Scim.Tests.Resources;

public sealed class WriteOnlyAttributesTests
{
    [Fact]
    public void Strip_EverySpelling_RemovesThemAllAndKeepsTheRest()
    {
        var resource = JsonNode.Parse("""
            {"userName":"a","password":"1","PASSWORD":"2","urn:ietf:params:scim:schemas:core:2.0:User:password":"3",
             "urn:ietf:params:scim:schemas:core:2.0:User":{"Password":"4","title":"T"}}
            """)!.AsObject();

        var removed = WriteOnlyAttributes.Strip(resource);

        Assert.True(removed);
        Assert.Equal("""{"userName":"a","urn:ietf:params:scim:schemas:core:2.0:User":{"title":"T"}}""", resource.ToJsonString());
    }

    [Theory]
    [InlineData("""{"userName":"a","passwords":"x"}""")]
    [InlineData("not json")]
    [InlineData("[1]")]
    public void StripText_NothingToRemove_AnswersTheTextUnchanged(string json)
    {
        var answer = WriteOnlyAttributes.Strip(json, out var removed);

        Assert.False(removed);
        Assert.Same(json, answer);
    }
}
