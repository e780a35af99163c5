using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Identity.ServiceDefaults.Discovery.Consul;
using Identity.TestKit;
using Identity.TestKit.Consul;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

public sealed class ConsulResolverTests
{
    private sealed class Results
    {
        private readonly Lock _gate = new();
        private readonly List<ResolverResult> _all = [];

        public void Add(ResolverResult result)
        {
            lock (_gate)
            {
                _all.Add(result);
            }
        }

        public IReadOnlyList<ResolverResult> All
        {
            get { lock (_gate) { return _all.ToList(); } }
        }

        public string[]? Latest => All is { Count: > 0 } all ? Format(all[^1]) : null;

        private static string[]? Format(ResolverResult result) => result.Addresses?.Select(a => a.EndPoint.ToString()!).Order(StringComparer.Ordinal).ToArray();
    }

    private static ConsulOptions Options(FakeConsulServer consul, TimeSpan? wait = null) =>
        new() { Address = consul.Address.ToString(), WatchWait = wait ?? TimeSpan.FromSeconds(5) };

    private static async Task RegisterAsync(FakeConsulServer consul, string name, int port, string status = "passing")
    {
        var options = Options(consul);
        var agent = new ConsulAgentClient(ConsulHttp.CreateClient(options), options);
        var id = $"{name}-{port}";
        await agent.RegisterAsync(new ConsulServiceRegistration
        {
            Id = id,
            Name = name,
            Address = "127.0.0.1",
            Port = port,
            Check = new ConsulCheckDefinition
            {
                CheckId = id + "-ready", Name = "ready", Http = "http://127.0.0.1:1/health/ready",
                Interval = "10s", Timeout = "2s", DeregisterCriticalServiceAfter = "1m",
            },
        }, CancellationToken.None).WithTimeout();
        consul.SetCheckStatus(id, status);
    }

    private static (ConsulResolver Resolver, Results Results) Start(FakeConsulServer consul, string name, TimeSpan? wait = null, FakeLoggerProvider? logs = null)
    {
        var options = Options(consul, wait);
        options.AclToken = "resolver-secret";
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs ?? new FakeLoggerProvider()));
        var resolver = new ConsulResolver(name, new ConsulHealthClient(ConsulHttp.CreateClient(options), options), TimeProvider.System, loggers);
        var results = new Results();
        resolver.Start(results.Add);
        return (resolver, results);
    }

    [Fact]
    public async Task Start_PassingInstances_PublishesTheirAddresses()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "svc-" + TestTenant.New();
        await RegisterAsync(consul, name, 7001);
        await RegisterAsync(consul, name, 7002);
        await RegisterAsync(consul, name, 7003, status: "warning");

        var (resolver, results) = Start(consul, name);
        using var _ = resolver;

        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 2 }));
        Assert.Equal(["127.0.0.1:7001", "127.0.0.1:7002"], results.Latest!);
    }

    [Fact]
    public async Task Watch_InstanceAddedAndRemoved_PublishesEachChange()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "svc-" + TestTenant.New();
        await RegisterAsync(consul, name, 7001);
        var (resolver, results) = Start(consul, name);
        using var _ = resolver;
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 1 }));

        await RegisterAsync(consul, name, 7002);
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 2 }));
        consul.SetCheckStatus($"{name}-7001", "critical");

        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is ["127.0.0.1:7002"]), because: "7001 turned critical");
        var blocking = consul.Requests.Where(r => r.Path == $"/v1/health/service/{name}" && r.Query.Contains("index=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(blocking);
        Assert.All(blocking, r => Assert.Contains("passing=true", r.Query, StringComparison.Ordinal));
        Assert.All(blocking, r => Assert.Contains("wait=5s", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_NoPassingInstance_PublishesEmptyList()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "svc-" + TestTenant.New();
        await RegisterAsync(consul, name, 7001);
        var (resolver, results) = Start(consul, name);
        using var _ = resolver;
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 1 }));

        consul.SetCheckStatus($"{name}-7001", "critical");

        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 0 }));
        Assert.Equal(StatusCode.OK, results.All[^1].Status.StatusCode);
    }

    [Fact]
    public async Task Refresh_ConsulDown_KeepsLastGoodAddressesThenPicksUpChanges()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "svc-" + TestTenant.New();
        await RegisterAsync(consul, name, 7001);
        await RegisterAsync(consul, name, 7002);
        using var logs = new FakeLoggerProvider();
        var (resolver, results) = Start(consul, name, logs: logs);
        using var _ = resolver;
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 2 }));
        var published = results.All.Count;

        await consul.StopAsync().WithTimeout();
        resolver.Refresh();
        await TaskTimeouts.EventuallyAsync(
            () => Task.FromResult(logs.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("keeping 2 known addresses", StringComparison.Ordinal)) >= 2),
            because: "both the watch and the refresh fail");
        var duringOutage = results.All;
        consul.SetCheckStatus($"{name}-7002", "critical");
        await consul.RestartAsync().WithTimeout();

        Assert.Equal(published, duringOutage.Count);
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is ["127.0.0.1:7001"]), because: "the watch resumes after the restart");
        Assert.DoesNotContain(results.All, r => r.Status.StatusCode != StatusCode.OK);
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Message.Contains("resolver-secret", StringComparison.Ordinal) || (r.Exception?.ToString().Contains("resolver-secret", StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task Start_ConsulNeverReachable_ReportsUnavailable()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        await consul.StopAsync().WithTimeout();

        var (resolver, results) = Start(consul, "svc-" + TestTenant.New());
        using var _ = resolver;

        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.All.Count > 0));
        Assert.Equal(StatusCode.Unavailable, results.All[0].Status.StatusCode);
        Assert.Null(results.All[0].Addresses);
    }

    [Fact]
    public async Task Watch_IndexGoesBackwards_ResetsAndPicksUpChanges()
    {
        await using var consul = await FakeConsulServer.StartAsync(firstIndex: 100);
        var name = "svc-" + TestTenant.New();
        await RegisterAsync(consul, name, 7001);
        var (resolver, results) = Start(consul, name, wait: TimeSpan.FromSeconds(1));
        using var _ = resolver;
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 1 }));

        await consul.RestartAsync(resetIndex: true).WithTimeout();
        await RegisterAsync(consul, name, 7002);

        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(results.Latest is { Length: 2 }), because: "the lower index's answer is still used");
        await TaskTimeouts.EventuallyAsync(
            () => Task.FromResult(Indexes(consul, name).SkipWhile(i => i < 100).SkipWhile(i => i >= 100).Any(i => i > 0)),
            because: "after the reset the watch blocks again on the new, lower index");
        var indexes = Indexes(consul, name);
        Assert.Equal(0, indexes.SkipWhile(i => i < 100).SkipWhile(i => i >= 100).First());
        Assert.True(consul.Index < 100);
    }

    private static List<long> Indexes(FakeConsulServer consul, string name) =>
        consul.Requests
            .Where(r => r.Path == $"/v1/health/service/{name}")
            .Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)["index"] is { } index ? long.Parse(index, System.Globalization.CultureInfo.InvariantCulture) : 0)
            .ToList();
}
