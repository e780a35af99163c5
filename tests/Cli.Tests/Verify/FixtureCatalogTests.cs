using System.Text.Json.Nodes;
using Identity.Cli.Replay;
using Identity.Cli.Verify;

namespace Identity.Cli.Tests.Verify;

/// <summary>The sequences the tool ships: one folder per IdP verify offers, and names unique per run in every create.</summary>
public sealed class FixtureCatalogTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        data.AddRange([.. FixtureCatalog.Names]);
        return data;
    }

    [Fact]
    public void Idps_EveryProfileVerifyOffers_HasSequences()
    {
        var idps = FixtureCatalog.Idps;

        Assert.Equal(["entra", "google", "jumpcloud", "okta", "onelogin", "ping"], idps);
        Assert.All(idps, idp => Assert.NotEmpty(FixtureCatalog.ForIdp(idp)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fixture_EveryCreate_NamesItsResourceWithTheRunId(string name)
    {
        var fixture = ReplayFixture.Load(name);

        var creates = fixture.Steps.Select(s => s["request"]!.AsObject())
            .Where(r => r["method"]!.GetValue<string>() == "POST" && r["body"] is JsonObject)
            .Select(r => r["body"]!.AsObject()).ToList();

        Assert.NotEmpty(creates);
        Assert.All(creates, body =>
        {
            var key = body["userName"] ?? body["displayName"];
            Assert.Contains("${run}", key!.GetValue<string>());
            if (body["externalId"] is { } externalId)
            {
                Assert.Contains("${run}", externalId.GetValue<string>());
            }
        });
        Assert.False(string.IsNullOrWhiteSpace(fixture.Source));
    }

    /// <summary>
    /// The sequences moved from tests/EndToEnd.Tests/Fixtures; one added there (by a branch made before
    /// the move) would be neither embedded nor replayed, silently.
    /// </summary>
    [Fact]
    public void Fixtures_NoneLeftWhereTheyUsedToLive()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Identity.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var shipped = Path.Combine(root.FullName, "services", "Cli", "Replay", "Fixtures");
        var old = Path.Combine(root.FullName, "tests", "EndToEnd.Tests", "Fixtures");

        var stray = System.IO.Directory.Exists(old) ? System.IO.Directory.GetFiles(old, "*.json", SearchOption.AllDirectories) : [];
        var onDisk = System.IO.Directory.GetFiles(shipped, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(shipped, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

        Assert.Empty(stray);
        Assert.Equal(onDisk, FixtureCatalog.Names);
    }

    [Theory]
    [InlineData(new[] { "okta" }, new[] { "okta" })]
    [InlineData(new[] { "okta,Entra", "ping" }, new[] { "okta", "entra", "ping" })]
    [InlineData(new string[0], new[] { "entra", "google", "jumpcloud", "okta", "onelogin", "ping" })]
    [InlineData(new[] { "all" }, new[] { "entra", "google", "jumpcloud", "okta", "onelogin", "ping" })]
    public void ChooseIdps_RepeatedOrCommaSeparated_ReadsEvery(string[] values, string[] expected)
    {
        var chosen = VerifyCommand.ChooseIdps(values);

        Assert.Equal(expected, chosen);
    }
}
