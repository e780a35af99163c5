using Identity.Directory.Users;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

public abstract partial class DirectoryStoreContract
{
    private async Task<List<string>> WalkAsync(string tenant, string filter, string sortBy, int count)
    {
        var seen = new List<string>();
        var token = "";
        for (var page = 0; page < 20; page++)
        {
            var result = await Listing.ListAsync(new ListRequest(tenant, filter, sortBy, false, 1, count, token, false, true), CancellationToken.None)
                .WithTimeout();
            seen.AddRange(result.Users.Select(u => u.UserName));
            token = result.NextPageToken;
            if (token.Length == 0)
            {
                return seen;
            }
        }
        throw new InvalidOperationException("The walk did not end.");
    }

    private async Task<string> SeedManyAsync(int users)
    {
        var tenant = TestTenant.New();
        for (var i = 0; i < users; i++)
        {
            await CreateAsync(tenant, UserJson($"u{i:D2}", familyName: i % 2 == 0 ? "Even" : null));
        }
        return tenant;
    }

    [SkippableTheory]
    [InlineData("", "", 3, 7)]
    [InlineData("", "", 7, 7)]
    [InlineData("", "userName", 2, 7)]
    [InlineData("name.familyName eq \"even\"", "", 2, 4)]
    [InlineData("userName sw \"u0\"", "", 3, 7)]
    public async Task ListUsers_PageTokens_WalkEveryMatchOnceInOrder(string filter, string sortBy, int count, int expected)
    {
        var tenant = await SeedManyAsync(7);

        var seen = await WalkAsync(tenant, filter, sortBy, count);

        Assert.Equal(expected, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [SkippableTheory]
    [InlineData(1, 2, "u00,u01")]
    [InlineData(6, 5, "u05,u06")]
    [InlineData(8, 5, "")]
    [InlineData(0, 1, "u00")]
    [InlineData(3, -1, "")]
    public async Task ListUsers_StartIndexAndCount_FollowScimPaging(int startIndex, int count, string expected)
    {
        var tenant = await SeedManyAsync(7);

        var result = await Listing.ListAsync(new ListRequest(tenant, "", "", false, startIndex, count, "", false, false), CancellationToken.None).WithTimeout();

        Assert.Equal(expected, string.Join(',', result.Users.Select(u => u.UserName)));
        Assert.Equal((7, Math.Max(1, startIndex)), (result.TotalResults, result.StartIndex));
    }

    [SkippableFact]
    public async Task ListUsers_PageTokenOfAnotherQuery_FailsWithInvalidPageToken()
    {
        var tenant = await SeedManyAsync(3);
        var first = await Listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 1, "", false, false), CancellationToken.None).WithTimeout();

        var error = await Assert.ThrowsAsync<DirectoryException>(() =>
            Listing.ListAsync(new ListRequest(tenant, "userName pr", "", false, 1, 1, first.NextPageToken, false, false), CancellationToken.None));
        var garbage = await Assert.ThrowsAsync<DirectoryException>(() =>
            Listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 1, "not-a-token!", false, false), CancellationToken.None));

        Assert.Equal((DirectoryFailure.InvalidPageToken, DirectoryFailure.InvalidPageToken), (error.Failure, garbage.Failure));
    }

    [SkippableFact]
    public async Task ListUsers_CountAboveMaximum_IsCappedAtMaximum()
    {
        var tenant = await SeedManyAsync(2);

        var result = await Listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 5000, "", false, false), CancellationToken.None).WithTimeout();

        Assert.Equal((2, ""), (result.Users.Count, result.NextPageToken));
    }
}
