using Identity.GroupRole.Bench;
using Identity.GroupRole.Storage.Mongo;
using Identity.GroupRole.Storage.Sqlite;
using MongoDB.Driver;

// Stopwatch percentiles rather than BenchmarkDotNet: each measurement needs a large stored
// state built once (a 100,000-member group) and is an I/O-bound end-to-end call.
var folder = Path.Combine(Path.GetTempPath(), "grouprole-bench-" + Guid.NewGuid().ToString("N"));
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
Console.WriteLine("| scenario | n | p50 ms | p99 ms | max ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
// Opened as the service opens it: the writer commits queued writes together and checkpoints between batches.
using (var database = SqliteGroupRoleStore.Open(Path.Combine(folder, "grouprole.db")))
{
    foreach (var line in await new GroupRoleScenarios(new SqliteGroupRoleStore(database), "SQLite (WAL file)").RunAsync(timeout.Token))
    {
        Console.WriteLine(line);
    }
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
System.IO.Directory.Delete(folder, recursive: true);

var mongo = Environment.GetEnvironmentVariable("IDENTITY_TEST_MONGO");
if (string.IsNullOrWhiteSpace(mongo))
{
    Console.WriteLine("MongoDB: skipped (set IDENTITY_TEST_MONGO to a connection string to measure it).");
    return;
}
var client = new MongoClient(mongo);
var mongoDatabase = client.GetDatabase("identity_grouprole_bench");
await MongoIndexes.CreateAsync(mongoDatabase, timeout.Token);
var store = new MongoGroupRoleStore(mongoDatabase, new MongoTransactions(client, mongoDatabase));
foreach (var line in await new GroupRoleScenarios(store, "MongoDB").RunAsync(timeout.Token))
{
    Console.WriteLine(line);
}
