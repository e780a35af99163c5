using Identity.ScimEdge.IdpProfiles;
using Microsoft.AspNetCore.Http;

namespace Identity.ScimEdge.Tests.IdpProfiles;

/// <summary>The ping profile: named in the catalog, chosen when stored, and what auto makes of Ping's product names.</summary>
public sealed class PingProfileTests
{
    [Fact]
    public void Catalog_Ping_MatchesOnUserNameWithNoToleranceSwitchedOn()
    {
        var ping = IdpProfileCatalog.Find("ping");

        Assert.Same(IdpProfileCatalog.Ping, ping);
        Assert.Equal("userName", ping!.MatchingAttribute);
        Assert.False(ping.LenientAttributes);
        Assert.Contains("ping", IdpProfileCatalog.Names);
    }

    [Theory]
    [InlineData("ping", "ping")]
    [InlineData("PING", "ping")]
    [InlineData("Auto", "auto")]
    [InlineData("generic", "generic")]
    [InlineData("pingone", null)]
    [InlineData("okat", null)]
    public void Canonical_Name_KnownOnesOnly(string given, string? expected)
    {
        var canonical = IdpProfileCatalog.Canonical(given);

        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("PingOne SCIM", "ping")]
    [InlineData("PingFederate/12.1", "ping")]
    [InlineData("Ping Identity Provisioner", "ping")]
    [InlineData("Apache-HttpClient/4.5.14 (Java/17.0.9)", "generic")]
    [InlineData("Shopping-Mapping-Pinger/1.0", "generic")]
    public void Detect_UserAgent_PingOnlyForItsProductNames(string userAgent, string expected)
    {
        var profile = IdpProfileDetector.Detect(userAgent, new HeaderDictionary());

        Assert.Equal(expected, profile.Name);
    }

    [Theory]
    [InlineData("ping", "curl/8.5.0", "ping")]
    [InlineData("auto", "PingFederate/12.1", "auto:ping")]
    [InlineData("okta", "PingFederate/12.1", "okta")]
    public void Resolve_PingStoredOrDetected_LabelsIt(string stored, string userAgent, string expectedLabel)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.UserAgent = userAgent;

        var resolved = ResolvedIdpProfile.Resolve(stored, http.Request);

        Assert.Equal(expectedLabel, resolved.Label);
    }
}
