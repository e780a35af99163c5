using Identity.ScimEdge.IdpProfiles;
using Microsoft.AspNetCore.Http;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>Which profile <c>auto</c> picks from a request's User-Agent and headers, and when a stored profile wins.</summary>
public sealed class IdpProfileDetectionTests
{
    [Theory]
    [InlineData("Okta SCIM Client 1.0.0", null, "okta")]
    [InlineData("okta scim client 2.0", null, "okta")]
    [InlineData("Azure AD SCIM Provisioning", null, "entra")]
    [InlineData("Microsoft.Identity.Provisioning", null, "entra")]
    [InlineData("SomethingElse/1.0", "2.0", "entra")]
    [InlineData("OneLogin SCIM", null, "onelogin")]
    [InlineData("JumpCloud-SCIM/1.0", null, "jumpcloud")]
    [InlineData("Google-Workspace-Provisioning", null, "google")]
    [InlineData("curl/8.5.0", null, "generic")]
    [InlineData("", null, "generic")]
    public void Detect_HeadersOfAnIdp_PicksItsProfile(string userAgent, string? adscimVersion, string expected)
    {
        var headers = new HeaderDictionary();
        if (adscimVersion is not null)
        {
            headers[IdpProfileDetector.EntraVersionHeader] = adscimVersion;
        }

        var profile = IdpProfileDetector.Detect(userAgent, headers);

        Assert.Equal(expected, profile.Name);
    }

    [Theory]
    [InlineData("okta", "Okta SCIM Client 1.0.0", "okta")]
    [InlineData("OneLogin", "Okta SCIM Client 1.0.0", "onelogin")]
    [InlineData("auto", "Okta SCIM Client 1.0.0", "auto:okta")]
    [InlineData("", "Okta SCIM Client 1.0.0", "auto:okta")]
    [InlineData("no-such-idp", "curl/8.5.0", "auto:generic")]
    public void Resolve_StoredProfile_WinsOverDetectionUnlessAuto(string stored, string userAgent, string expectedLabel)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.UserAgent = userAgent;

        var resolved = ResolvedIdpProfile.Resolve(stored, http.Request);

        Assert.Equal(expectedLabel, resolved.Label);
    }

    [Fact]
    public void Catalog_OneLogin_DropsUnknownAttributesAndOthersDoNot()
    {
        var lenient = IdpProfileCatalog.All.Where(p => p.LenientAttributes).Select(p => p.Name);

        Assert.Equal(["onelogin"], lenient);
        Assert.Equal("userName", IdpProfileCatalog.Okta.MatchingAttribute);
    }
}
