using Identity.Scim.Errors;

namespace Identity.Scim.Tests.Errors;

public sealed class ScimExceptionTests
{
    public static TheoryData<Func<string, ScimException>, int, string> Factories => new()
    {
        { ScimException.InvalidFilter, 400, "invalidFilter" },
        { ScimException.TooMany, 400, "tooMany" },
        { ScimException.Uniqueness, 409, "uniqueness" },
        { ScimException.Mutability, 400, "mutability" },
        { ScimException.InvalidSyntax, 400, "invalidSyntax" },
        { ScimException.InvalidPath, 400, "invalidPath" },
        { ScimException.NoTarget, 400, "noTarget" },
        { ScimException.InvalidValue, 400, "invalidValue" },
        { ScimException.InvalidVersion, 400, "invalidVers" },
        { ScimException.Sensitive, 403, "sensitive" },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factory_AnyScimType_CarriesStatusTypeAndDetail(Func<string, ScimException> factory, int status, string scimType)
    {
        var error = factory("something went wrong");

        Assert.Equal(status, error.Status);
        Assert.Equal(scimType, error.ScimType);
        Assert.Equal("something went wrong", error.Detail);
    }

    [Fact]
    public void ToErrorDocument_InvalidValue_RendersRfc7644Envelope()
    {
        var error = ScimException.InvalidValue("userName is required.");

        var document = error.ToErrorDocument();

        Assert.Equal(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidValue","detail":"userName is required."}""",
            document.ToJsonString());
    }

    [Fact]
    public void ToErrorDocument_NotFound_OmitsScimTypeAndKeepsStatusAsString()
    {
        var error = ScimException.NotFound();

        var document = error.ToErrorDocument();

        Assert.Equal("404", document["status"]!.GetValue<string>());
        Assert.False(document.ContainsKey("scimType"));
        Assert.Equal("Resource not found.", document["detail"]!.GetValue<string>());
    }
}
