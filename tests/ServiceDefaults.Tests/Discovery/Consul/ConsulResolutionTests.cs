using Grpc.Health.V1;
using Identity.TestKit;
using Identity.TestKit.Consul;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

/// <summary>consul://name end to end: two real gRPC services register, a real channel resolves and balances them.</summary>
public sealed class ConsulResolutionTests
{
    [Fact]
    public async Task Call_TwoPassingInstances_AlternatesRoundRobin()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: ConsulTestServices.Token);
        var name = "rr-" + TestTenant.New();
        var (a, _) = await ConsulTestServices.StartRegisteredAsync(consul, name, "a");
        await using var _a = a;
        var (b, _) = await ConsulTestServices.StartRegisteredAsync(consul, name, "b");
        await using var _b = b;
        await consul.RunHttpChecksAsync().WithTimeout();
        await using var clients = ConsulTestServices.ClientProvider(consul, name);
        var client = clients.GetRequiredService<Grpc.Health.V1.Health.HealthClient>();
        var seen = new HashSet<string>();
        await TaskTimeouts.EventuallyAsync(async () => seen.Add(await ConsulTestServices.CallAsync(client)) && seen.Count == 2 || seen.Count == 2);

        var answers = await ConsulTestServices.CallManyAsync(client, 4).WithTimeout();

        Assert.Equal(2, answers.Count(x => x == "a"));
        Assert.Equal(2, answers.Count(x => x == "b"));
        Assert.All(consul.Requests.Where(r => r.Path.StartsWith("/v1/health/", StringComparison.Ordinal)), r => Assert.Equal(ConsulTestServices.Token, r.Token));
    }

    [Fact]
    public async Task Call_InstanceTurnsCritical_IsNoLongerCalled()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "crit-" + TestTenant.New();
        var (a, _) = await ConsulTestServices.StartRegisteredAsync(consul, name, "a");
        await using var _a = a;
        var (b, idB) = await ConsulTestServices.StartRegisteredAsync(consul, name, "b");
        await using var _b = b;
        await consul.RunHttpChecksAsync().WithTimeout();
        await using var clients = ConsulTestServices.ClientProvider(consul, name);
        var client = clients.GetRequiredService<Grpc.Health.V1.Health.HealthClient>();
        var seen = new HashSet<string>();
        await TaskTimeouts.EventuallyAsync(async () => seen.Add(await ConsulTestServices.CallAsync(client)) && seen.Count == 2 || seen.Count == 2);

        consul.SetCheckStatus(idB, "critical");

        await TaskTimeouts.EventuallyAsync(async () => (await ConsulTestServices.CallManyAsync(client, 4)).All(x => x == "a"), because: "b leaves the passing set");
        Assert.Equal(["a", "a", "a", "a", "a", "a"], await ConsulTestServices.CallManyAsync(client, 6).WithTimeout());
    }

    [Fact]
    public async Task Call_ConsulRestarting_KeepsCallingThenPicksUpChanges()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "restart-" + TestTenant.New();
        var (a, _) = await ConsulTestServices.StartRegisteredAsync(consul, name, "a");
        await using var _a = a;
        var (b, idB) = await ConsulTestServices.StartRegisteredAsync(consul, name, "b");
        await using var _b = b;
        await consul.RunHttpChecksAsync().WithTimeout();
        await using var clients = ConsulTestServices.ClientProvider(consul, name);
        var client = clients.GetRequiredService<Grpc.Health.V1.Health.HealthClient>();
        var seen = new HashSet<string>();
        await TaskTimeouts.EventuallyAsync(async () => seen.Add(await ConsulTestServices.CallAsync(client)) && seen.Count == 2 || seen.Count == 2);

        await consul.StopAsync().WithTimeout();
        var duringOutage = await ConsulTestServices.CallManyAsync(client, 4).WithTimeout();
        consul.SetCheckStatus(idB, "critical");
        await consul.RestartAsync().WithTimeout();

        Assert.Equal(2, duringOutage.Count(x => x == "a"));
        Assert.Equal(2, duringOutage.Count(x => x == "b"));
        await TaskTimeouts.EventuallyAsync(async () => (await ConsulTestServices.CallManyAsync(client, 4)).All(x => x == "a"), because: "the change made during the outage arrives");
    }

    [Fact]
    public async Task Call_NoPassingInstance_FailsUnavailable()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        var name = "none-" + TestTenant.New();
        var (a, _) = await ConsulTestServices.StartRegisteredAsync(consul, name, "a");
        await using var _a = a;
        await using var clients = ConsulTestServices.ClientProvider(consul, name);
        var client = clients.GetRequiredService<Grpc.Health.V1.Health.HealthClient>();

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => ConsulTestServices.CallAsync(client)).WithTimeout();

        Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.StatusCode);
    }
}
