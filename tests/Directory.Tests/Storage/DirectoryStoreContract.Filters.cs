using Identity.Directory.Users;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

public abstract partial class DirectoryStoreContract
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    // alice, bob, carol and dave, created a minute apart from 09:00 on.
    private async Task<string> SeedAsync()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, UserJson("Alice@Example.com", "A-1", "alice@example.com", true, "Alice", "Anders", "Eng"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(tenant, UserJson("bob@example.com", "B-2", "bob@corp.test", false, "Bob", "Brown", "Ops"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(tenant, UserJson("carol@example.org", null, "Carol@Example.com", true, null, "Anders"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(tenant, UserJson("Dave", "d-4"));
        return tenant;
    }

    private async Task<string> NamesAsync(string tenant, string filter, string sortBy = "", bool descending = false)
    {
        var result = await Listing.ListAsync(new ListRequest(tenant, filter, sortBy, descending, 1, 0, "", false, false), CancellationToken.None)
            .WithTimeout();
        Assert.Equal(result.Users.Count, result.TotalResults);
        return string.Concat(result.Users.Select(u => char.ToLowerInvariant(u.UserName[0])));
    }

    [SkippableTheory]
    [InlineData("", "abcd")]
    [InlineData("userName eq \"alice@EXAMPLE.com\"", "a")]
    [InlineData("userName ne \"bob@example.com\"", "acd")]
    [InlineData("userName co \"EXAMPLE\"", "abc")]
    [InlineData("userName sw \"C\"", "c")]
    [InlineData("userName ew \".ORG\"", "c")]
    [InlineData("userName gt \"bob@example.com\"", "cd")]
    [InlineData("userName ge \"carol@example.org\"", "cd")]
    [InlineData("userName lt \"B\"", "a")]
    [InlineData("userName le \"alice@example.com\"", "a")]
    [InlineData("userName pr", "abcd")]
    [InlineData("externalId eq \"A-1\"", "a")]
    [InlineData("externalId eq \"a-1\"", "")]
    [InlineData("externalId ne \"A-1\"", "bcd")]
    [InlineData("externalId pr", "abd")]
    [InlineData("externalId sw \"d\"", "d")]
    [InlineData("emails.value eq \"CAROL@example.com\"", "c")]
    [InlineData("emails eq \"bob@corp.test\"", "b")]
    [InlineData("emails co \"corp\"", "b")]
    [InlineData("emails[type eq \"work\" and value ew \"example.com\"]", "ac")]
    [InlineData("emails[value eq \"alice@example.com\"]", "a")]
    [InlineData("emails pr", "abc")]
    [InlineData("active eq true", "ac")]
    [InlineData("active eq false", "b")]
    [InlineData("active ne false", "acd")]
    [InlineData("meta.lastModified gt \"2026-01-15T09:01:00Z\"", "cd")]
    [InlineData("meta.lastModified ge \"2026-01-15T09:01:00Z\"", "bcd")]
    [InlineData("meta.lastModified lt \"2026-01-15T10:01:00+01:00\"", "a")]
    [InlineData("meta.lastModified le \"2026-01-15T09:01:00Z\"", "ab")]
    [InlineData("meta.created eq \"2026-01-15T09:02:00Z\"", "c")]
    [InlineData("name.familyName eq \"anders\"", "ac")]
    [InlineData("displayName pr", "ab")]
    [InlineData("title pr", "")]
    [InlineData(Enterprise + ":department eq \"Eng\"", "a")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"d\"", "d")]
    [InlineData("userName sw \"a\" or userName sw \"b\"", "ab")]
    [InlineData("userName co \"example\" and not (active eq true)", "b")]
    [InlineData("not (externalId pr)", "c")]
    [InlineData("not (userName eq \"dave\") and (name.familyName eq \"Brown\" or externalId eq \"A-1\")", "ab")]
    [InlineData("userName eq \"dave\" or name.familyName eq \"Brown\"", "bd")]
    public async Task ListUsers_Filter_ReturnsExactlyTheMatchingUsers(string filter, string expected)
    {
        var tenant = await SeedAsync();

        var names = await NamesAsync(tenant, filter);

        Assert.Equal(expected, names);
    }

    [SkippableFact]
    public async Task ListUsers_IdEq_ReturnsThatUser()
    {
        var tenant = await SeedAsync();
        var bob = await Users.LookupAsync(tenant, UserKey.UserName, "bob@example.com", CancellationToken.None).WithTimeout();

        var names = await NamesAsync(tenant, $"id eq \"{bob.Id}\"");

        Assert.Equal("b", names);
    }

    [SkippableTheory]
    [InlineData("userName eq")]
    [InlineData("active gt true")]
    [InlineData("userName zz \"x\"")]
    public async Task ListUsers_BadFilter_FailsWithInvalidFilter(string filter)
    {
        var tenant = TestTenant.New();

        var error = await Assert.ThrowsAsync<DirectoryException>(() => NamesAsync(tenant, filter));

        Assert.Equal(DirectoryFailure.InvalidFilter, error.Failure);
    }

    [SkippableTheory]
    [InlineData("userName", false, "abcd")]
    [InlineData("userName", true, "dcba")]
    [InlineData("displayName", false, "abcd")]
    [InlineData("displayName", true, "bacd")]
    [InlineData("meta.created", true, "dcba")]
    [InlineData("emails", true, "cbad")]
    public async Task ListUsers_SortBy_OrdersWithMissingValuesLast(string sortBy, bool descending, string expected)
    {
        var tenant = await SeedAsync();

        var names = await NamesAsync(tenant, "", sortBy, descending);

        Assert.Equal(expected, names);
    }
}
