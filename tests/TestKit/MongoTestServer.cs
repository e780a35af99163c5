using Testcontainers.MongoDb;

namespace Identity.TestKit;

/// <summary>
/// Finds a MongoDB server for the Mongo runs of the store contract suites: IDENTITY_TEST_MONGO,
/// else a Testcontainers container (a single-node replica set) where a Docker engine answers,
/// else none (the tests skip). A server given by IDENTITY_TEST_MONGO should be a replica set
/// too (hosted CI starts one), or the suites run without the transactions production has.
/// </summary>
public static class MongoTestServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static bool _probed;

    public const string SkipReason =
        "No MongoDB server: set IDENTITY_TEST_MONGO to a replica set's connection string (e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0), " +
        "or run where a Docker engine answers so Testcontainers can start mongo. This machine has neither " +
        "(no MongoDB package in its registries, no Docker engine).";

    /// <summary>A connection string, or null when no MongoDB can be had here.</summary>
    public static async Task<string?> TryGetConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_probed)
            {
                return _connectionString;
            }
            _probed = true;
            var configured = Environment.GetEnvironmentVariable("IDENTITY_TEST_MONGO");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return _connectionString = configured;
            }
            if (!DockerEngineReachable())
            {
                return null;
            }
            // A single-node replica set, as production runs (k8s/base/mongodb.yaml, rs0 on mongo:8.0):
            // GroupRole writes a mutation and its audit record in one transaction, which a standalone
            // mongod cannot run (MongoTransactions falls back to no transaction there), so only a
            // replica set tests the path production takes.
            var container = new MongoDbBuilder("mongo:8.0").WithReplicaSet("rs0").Build();
            await container.StartAsync().WaitAsync(TimeSpan.FromMinutes(3));
            // The container lives for the test process; Testcontainers' reaper removes it afterwards.
            return _connectionString = container.GetConnectionString();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool DockerEngineReachable()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host))
        {
            return true;
        }
        // The docker CLI may be installed without an engine: only a socket that accepts a connection counts.
        const string socketPath = "/var/run/docker.sock";
        if (!File.Exists(socketPath))
        {
            return false;
        }
        try
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            socket.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
