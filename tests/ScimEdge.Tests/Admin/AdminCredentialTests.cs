using Identity.ScimEdge.Admin;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Tests.Admin;

public sealed class AdminCredentialTests
{
    private static AdminCredential For(string? key) => new(Options.Create(new AdminOptions { ApiKey = key }));

    [Fact]
    public void Matches_TheConfiguredKey_IsTrue()
    {
        var credential = For("correct-horse-battery-staple");

        Assert.True(credential.Matches("correct-horse-battery-staple"));
    }

    [Theory]
    [InlineData("correct-horse-battery-stapl")]
    [InlineData("correct-horse-battery-staplf")]
    [InlineData("correct-horse-battery-staple-and-more")]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_AnyOtherValue_IsFalse(string? presented)
    {
        // Prefixes, same-length near misses and longer values all compare as 32-byte hashes, so none throws or short-circuits.
        var credential = For("correct-horse-battery-staple");

        Assert.False(credential.Matches(presented));
    }

    [Fact]
    public void Matches_NoKeyConfigured_IsDisabledAndRejectsEverything()
    {
        var credential = For("");

        Assert.False(credential.IsEnabled);
        Assert.False(credential.Matches(""));
        Assert.False(credential.Matches("anything"));
    }
}
