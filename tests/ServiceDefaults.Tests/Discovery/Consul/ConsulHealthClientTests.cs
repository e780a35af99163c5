using System.Diagnostics;
using Identity.ServiceDefaults.Discovery.Consul;
using Identity.TestKit;
using Identity.TestKit.Consul;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

public sealed class ConsulHealthClientTests
{
    private static (ConsulAgentClient Agent, ConsulHealthClient Health) Clients(FakeConsulServer consul)
    {
        var options = new ConsulOptions { Address = consul.Address.ToString(), AclToken = "t" };
        var http = ConsulHttp.CreateClient(options);
        return (new ConsulAgentClient(http, options), new ConsulHealthClient(http, options));
    }

    private static ConsulServiceRegistration Registration(string name, int port, string address = "127.0.0.1") => new()
    {
        Id = $"{name}-{port}",
        Name = name,
        Address = address,
        Port = port,
        Check = new ConsulCheckDefinition
        {
            CheckId = $"{name}-{port}-ready", Name = "ready", Http = "http://127.0.0.1:1/health/ready",
            Interval = "10s", Timeout = "2s", DeregisterCriticalServiceAfter = "1m",
        },
    };

    [Fact]
    public async Task GetPassing_NothingChanges_HoldsUntilWaitThenAnswersSameIndex()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: "t");
        var (_, health) = Clients(consul);
        var first = await health.GetPassingAsync("svc", 0, TimeSpan.Zero, CancellationToken.None).WithTimeout();
        var clock = Stopwatch.StartNew();

        var second = await health.GetPassingAsync("svc", first.Index, TimeSpan.FromSeconds(1), CancellationToken.None).WithTimeout();

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        Assert.Equal(first.Index, second.Index);
        Assert.Empty(second.Entries);
        Assert.Contains(consul.Requests, r => r.Query == $"?passing=true&index={first.Index}&wait=1s");
    }

    [Fact]
    public async Task GetPassing_ChangeWhileHeld_AnswersAtOnceWithHigherIndex()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: "t");
        var (agent, health) = Clients(consul);
        await agent.RegisterAsync(Registration("svc", 7001), CancellationToken.None).WithTimeout();
        var first = await health.GetPassingAsync("svc", 0, TimeSpan.Zero, CancellationToken.None).WithTimeout();
        var clock = Stopwatch.StartNew();

        var held = health.GetPassingAsync("svc", first.Index, TimeSpan.FromSeconds(30), CancellationToken.None);
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(consul.Requests.Any(r => r.Query.Contains("wait=30s", StringComparison.Ordinal))));
        consul.SetCheckStatus("svc-7001", "passing");
        var second = await held.WithTimeout();

        Assert.Empty(first.Entries);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.True(second.Index > first.Index);
        Assert.Equal(["127.0.0.1:7001"], second.ToAddresses().Select(a => a.EndPoint.ToString()));
    }

    [Fact]
    public async Task ToAddresses_ServiceAddressEmpty_UsesNodeAddress()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var (agent, health) = Clients(consul);
        await agent.RegisterAsync(Registration("svc", 7002, address: ""), CancellationToken.None).WithTimeout();
        consul.SetCheckStatus("svc-7002", "passing");

        var result = await health.GetPassingAsync("svc", 0, TimeSpan.Zero, CancellationToken.None).WithTimeout();

        Assert.Equal("", result.Entries[0].Service!.Address);
        Assert.Equal(["127.0.0.1:7002"], result.ToAddresses().Select(a => a.EndPoint.ToString()));
    }

    [Fact]
    public async Task Deregister_UnknownId_IsTolerated()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var (agent, _) = Clients(consul);
        await agent.RegisterAsync(Registration("svc", 7003), CancellationToken.None).WithTimeout();

        await agent.DeregisterAsync("svc-7003", CancellationToken.None).WithTimeout();
        await agent.DeregisterAsync("svc-7003", CancellationToken.None).WithTimeout();

        Assert.Empty(consul.ServiceIds);
        Assert.Equal(2, consul.Requests.Count(r => r.Path == "/v1/agent/service/deregister/svc-7003"));
    }

    [Fact]
    public async Task Register_WrongToken_Throws()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: "other");
        var (agent, _) = Clients(consul);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => agent.RegisterAsync(Registration("svc", 7004), CancellationToken.None)).WithTimeout();

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty(consul.ServiceIds);
    }
}
