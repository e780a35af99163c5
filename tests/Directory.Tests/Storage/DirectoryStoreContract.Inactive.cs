using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

/// <summary>What Revocation rebuilds from: a tenant's deactivated and deleted users, and every tenant.</summary>
public abstract partial class DirectoryStoreContract
{
    [SkippableFact]
    public async Task ListInactive_DeactivatedAndDeleted_InCreationOrderWithTheirTimes()
    {
        var tenant = TestTenant.New();
        await CreateAsync(tenant, UserJson("active@example.com", active: true));
        var created = await CreateAsync(tenant, UserJson("created-inactive@example.com", active: false));
        var deactivated = await CreateAsync(tenant, UserJson("deactivated@example.com"));
        Time.Advance(TimeSpan.FromMinutes(1));
        deactivated = await Users.ReplaceAsync(tenant, deactivated.Id, UserJson("deactivated@example.com", active: false), 0, Admin, CancellationToken.None)
            .WithTimeout();
        var deleted = await CreateAsync(tenant, UserJson("deleted@example.com"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Users.DeleteAsync(tenant, deleted.Id, 0, Admin, CancellationToken.None).WithTimeout();
        await CreateAsync(TestTenant.New(), UserJson("elsewhere@example.com", active: false));

        var listed = await Stores.Users.ListInactiveAsync(tenant, 0, 10, CancellationToken.None).WithTimeout();

        Assert.Equal(new[] { created.Id, deactivated.Id, deleted.Id }, listed.Select(u => u.UserId));
        Assert.Equal(new[] { false, false, true }, listed.Select(u => u.Deleted));
        Assert.Equal(deactivated.LastModified, listed[1].Since);
        Assert.Equal(Time.GetUtcNow(), listed[2].Since);
    }

    [SkippableFact]
    public async Task ListInactive_Pages_ContinueAfterTheLastOrdinal()
    {
        var tenant = TestTenant.New();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync(tenant, UserJson($"out{i}@example.com", active: false))).Id);
            await CreateAsync(tenant, UserJson($"in{i}@example.com"));
        }

        var first = await Stores.Users.ListInactiveAsync(tenant, 0, 2, CancellationToken.None).WithTimeout();
        var second = await Stores.Users.ListInactiveAsync(tenant, first[^1].Ordinal, 2, CancellationToken.None).WithTimeout();
        var last = await Stores.Users.ListInactiveAsync(tenant, second[^1].Ordinal, 2, CancellationToken.None).WithTimeout();

        Assert.Equal(ids, first.Concat(second).Concat(last).Select(u => u.UserId));
        Assert.Single(last);
    }

    [SkippableFact]
    public async Task ListTenantIds_Pages_InIdOrder()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = TestTenant.New();
            var audit = new AuditEntry(id, Time.GetUtcNow(), "admin", AuditAction.TenantCreated, "Tenant", id, 0, 0, "", "");
            await Stores.Tenants.CreateTenantAsync(new TenantRecord(id, "T", Time.GetUtcNow(), "auto", false), audit, CancellationToken.None).WithTimeout();
            ids.Add(id);
        }
        ids.Sort(StringComparer.Ordinal);

        var all = new List<string>();
        string? after = null;
        IReadOnlyList<string> page;
        do
        {
            page = await Stores.Tenants.ListTenantIdsAsync(after, 2, CancellationToken.None).WithTimeout();
            all.AddRange(page);
            after = page.Count > 0 ? page[^1] : after;
        }
        while (page.Count == 2);

        Assert.Equal(ids, all.Where(ids.Contains));
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
    }
}
