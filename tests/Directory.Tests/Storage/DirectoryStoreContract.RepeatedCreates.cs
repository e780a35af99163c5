using Identity.Directory.Storage;
using Identity.Directory.Users;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

/// <summary>A create repeated within the window answers with the stored user; outside it, or changed, it conflicts.</summary>
public abstract partial class DirectoryStoreContract
{
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(5);

    private UserDirectory UsersWithRepeatWindow(TimeSpan window) =>
        new(Stores.Users, Notifier, Time, Microsoft.Extensions.Options.Options.Create(new RepeatedCreateOptions { IdempotentCreateWindow = window }));

    private Task<(StoredUser User, bool Adopted)> CreateWithWindowAsync(string tenant, string json, TimeSpan window) =>
        UsersWithRepeatWindow(window).CreateAsync(tenant, json, Admin, adoptJitMatch: false, CancellationToken.None).WithTimeout();

    [SkippableFact]
    public async Task RepeatedCreate_WithinWindow_ReturnsTheStoredUserWithoutANewVersionOrEvent()
    {
        var tenant = TestTenant.New();
        var json = UserJson("rita@example.com", externalId: "r-1", email: "rita@example.com", active: true);
        var (first, _) = await CreateWithWindowAsync(tenant, json, RepeatWindow);
        var eventsBefore = await Stores.Events.ReadAsync(tenant, 0, 100, null, userChangesOnly: false, CancellationToken.None).WithTimeout();
        Time.Advance(RepeatWindow - TimeSpan.FromSeconds(1));

        var (repeat, adopted) = await CreateWithWindowAsync(tenant, json, RepeatWindow);
        var eventsAfter = await Stores.Events.ReadAsync(tenant, 0, 100, null, userChangesOnly: false, CancellationToken.None).WithTimeout();

        Assert.False(adopted);
        Assert.Equal((first.Id, first.Version, first.ResourceJson), (repeat.Id, repeat.Version, repeat.ResourceJson));
        Assert.Equal(eventsBefore.Count, eventsAfter.Count);
    }

    [SkippableFact]
    public async Task RepeatedCreate_AfterTheWindow_IsUserNameTaken()
    {
        var tenant = TestTenant.New();
        var json = UserJson("sam@example.com", email: "sam@example.com");
        await CreateWithWindowAsync(tenant, json, RepeatWindow);
        Time.Advance(RepeatWindow + TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<StoreConflictException>(() => CreateWithWindowAsync(tenant, json, RepeatWindow));

        Assert.Equal(ConflictKind.UserNameTaken, ex.Kind);
    }

    [SkippableFact]
    public async Task RepeatedCreate_WithOtherContentOrWindowOff_IsUserNameTaken()
    {
        var tenant = TestTenant.New();
        await CreateWithWindowAsync(tenant, UserJson("tess@example.com", displayName: "Tess"), RepeatWindow);

        var differs = await Assert.ThrowsAsync<StoreConflictException>(
            () => CreateWithWindowAsync(tenant, UserJson("tess@example.com", displayName: "Tessa"), RepeatWindow));
        var windowOff = await Assert.ThrowsAsync<StoreConflictException>(
            () => CreateWithWindowAsync(tenant, UserJson("tess@example.com", displayName: "Tess"), TimeSpan.Zero));

        Assert.Equal(ConflictKind.UserNameTaken, differs.Kind);
        Assert.Equal(ConflictKind.UserNameTaken, windowOff.Kind);
    }
}
