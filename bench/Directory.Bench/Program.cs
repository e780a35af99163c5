using System.Diagnostics;
using System.Globalization;
using Identity.Directory.Auditing;
using Identity.Directory.Bench;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Users;
using Identity.EmbeddedStorage;

// Directory on SQLite with one large tenant: creates per second while seeding, userName lookups,
// a filter the store pushes down to an index, and one that needs a scan through the evaluator.
var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var path = Path.Combine(Path.GetTempPath(), $"directory-bench-{Guid.NewGuid():N}.db");
using var database = SqliteDatabase.Open(path, DirectorySchema.Schema);
var store = new SqliteUserStore(database);
var directory = new UserDirectory(store, new ChangeNotifier(), TimeProvider.System);
var listing = new UserListing(store);
const string tenant = "bench";
var mutation = new Mutation("bench", "");

static string UserJson(int i) =>
    $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user{{i}}@example.com","externalId":"ext-{{i}}","active":{{(i % 10 == 0 ? "false" : "true")}},"name":{"givenName":"Given{{i}}","familyName":"Family{{i % 5000}}"},"displayName":"User {{i}}","emails":[{"value":"user{{i}}@example.com","type":"work","primary":true}],"title":"Engineer {{i % 37}}"}""";

// All but the last 2,000 users go in bulk; the last 2,000 are created one by one through
// UserDirectory (one transaction each, with audit + feed event) on the already large tenant.
const int measuredCreates = 2000;
var bulk = Stopwatch.StartNew();
await BulkSeeder.SeedAsync(database, tenant, 0, users - measuredCreates, UserJson);
bulk.Stop();
var seeding = Stopwatch.StartNew();
for (var i = users - measuredCreates; i < users; i++)
{
    await directory.CreateAsync(tenant, UserJson(i), mutation, adoptJitMatch: false, CancellationToken.None);
}
seeding.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bulk-seeded {users - measuredCreates} users in {bulk.Elapsed.TotalSeconds:F1} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CreateUser x{measuredCreates} on a tenant of {users - measuredCreates}+: {measuredCreates / seeding.Elapsed.TotalSeconds:F0} creates/s (sequential, one transaction each with audit + feed event)"));
Console.WriteLine("| operation | iterations | p50 ms | p99 ms |");
Console.WriteLine("| --- | --- | --- | --- |");

var random = new Random(42);
string[] rows =
[
    Print(await Percentiles.MeasureAsync("LookupUser by userName (case-insensitive)", 5000,
        _ => directory.LookupAsync(tenant, UserKey.UserName, $"USER{random.Next(users)}@example.com", CancellationToken.None))),
    Print(await Percentiles.MeasureAsync("LookupUser by externalId, then GetUser by id", 5000, async _ =>
        await store.GetAsync(tenant, (await directory.LookupAsync(tenant, UserKey.ExternalId, $"ext-{random.Next(users)}", CancellationToken.None)).Id,
            false, CancellationToken.None))),
    Print(await Percentiles.MeasureAsync("ListUsers userName eq (pushed down, with total)", 2000,
        _ => listing.ListAsync(new ListRequest(tenant, $"userName eq \"user{random.Next(users)}@example.com\"", "", false, 1, 0, "", false, false), CancellationToken.None))),
    Print(await Percentiles.MeasureAsync("ListUsers emails.value eq (side table)", 2000,
        _ => listing.ListAsync(new ListRequest(tenant, $"emails.value eq \"user{random.Next(users)}@example.com\"", "", false, 1, 0, "", false, false), CancellationToken.None))),
    Print(await Percentiles.MeasureAsync("ListUsers first page, count=100, no filter, with total", 200,
        _ => listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 100, "", false, false), CancellationToken.None))),
    Print(await Percentiles.MeasureAsync("ListUsers name.familyName eq (full scan + evaluator, with total)", 10,
        _ => listing.ListAsync(new ListRequest(tenant, $"name.familyName eq \"Family{random.Next(5000)}\"", "", false, 1, 100, "", false, false), CancellationToken.None))),
    Print(await Percentiles.MeasureAsync("ListUsers title co (scan, stops at first page, skip_total)", 10,
        _ => listing.ListAsync(new ListRequest(tenant, "title co \"neer 3\"", "", false, 1, 100, "", false, true), CancellationToken.None))),
];

var walk = Stopwatch.StartNew();
var walked = 0;
var token = "";
do
{
    var page = await listing.ListAsync(new ListRequest(tenant, "", "", false, 1, 1000, token, false, true), CancellationToken.None);
    walked += page.Users.Count;
    token = page.NextPageToken;
}
while (token.Length > 0);
walk.Stop();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Walked {walked} users with page tokens (count=1000) in {walk.Elapsed.TotalSeconds:F2} s"));

// Last, as it grows the tenant: creates the way the SCIM edge makes them, 16 callers at once (the
// writer commits them in groups), each asking for a JIT user to adopt first. CPU per create is the
// whole process's, from the OS.
var concurrent = await ConcurrentCreates.MeasureAsync(directory, tenant, callers: 16, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CreateUser from 16 concurrent callers, JIT adoption lookup on: {concurrent.PerSecond:F0} creates/s, {concurrent.CpuMicroseconds:F0} µs CPU and {concurrent.AllocatedKilobytes:F1} KB allocated per create"));
database.Dispose();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(path + suffix);
}

static string Print(string row)
{
    Console.WriteLine(row);
    return row;
}
