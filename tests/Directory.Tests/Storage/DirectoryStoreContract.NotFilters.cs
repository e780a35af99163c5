using System.Text.Json.Nodes;
using Identity.Directory.Users;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

/// <summary>
/// <c>not</c> over attributes some users lack (carol has no externalId, dave no email, active or
/// name): every store must answer as the SCIM filter evaluator does on the stored resources, where an
/// absent attribute simply does not match, so its negation does. SQL's NULL would otherwise drop them.
/// </summary>
public abstract partial class DirectoryStoreContract
{
    [SkippableTheory]
    [InlineData("not (externalId eq \"A-1\")")]
    [InlineData("not (externalId ne \"A-1\")")]
    [InlineData("not (externalId sw \"B\")")]
    [InlineData("not (externalId pr)")]
    [InlineData("not (active eq true)")]
    [InlineData("not (active ne false)")]
    [InlineData("not (emails.value eq \"bob@corp.test\")")]
    [InlineData("not (emails[value eq \"alice@example.com\"])")]
    [InlineData("not (displayName pr)")]
    [InlineData("not (name.familyName eq \"Anders\")")]
    [InlineData("not (meta.lastModified gt \"2026-01-15T09:01:00Z\")")]
    [InlineData("not (externalId eq \"A-1\" or active eq false)")]
    [InlineData("not (externalId eq \"A-1\" and active eq true)")]
    [InlineData("not (not (externalId eq \"d-4\"))")]
    [InlineData("userName co \"example\" and not (externalId eq \"B-2\")")]
    public async Task ListUsers_NotOverAbsentAttributes_AnswersAsTheEvaluator(string filter)
    {
        var tenant = await SeedAsync();
        var all = await Listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 0, "", false, false), CancellationToken.None).WithTimeout();
        var matches = new FilterEvaluator(SchemaRegistry.Default.Users).Compile(ScimFilter.Parse(filter));
        var expected = string.Concat(all.Users
            .Where(u => matches((JsonObject)JsonNode.Parse(u.ResourceJson)!))
            .Select(u => char.ToLowerInvariant(u.UserName[0])));

        var names = await NamesAsync(tenant, filter);

        Assert.Equal(expected, names);
    }

    [SkippableFact]
    public async Task ListUsers_NotEqualsOnExternalId_KeepsTheUserWithoutOne()
    {
        var tenant = await SeedAsync();

        // carol has no externalId: "externalId eq A-1" is false for her, so its negation holds.
        var names = await NamesAsync(tenant, "not (externalId eq \"A-1\")");

        Assert.Equal("bcd", names);
    }
}
