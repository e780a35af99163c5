using System.Text.Json.Nodes;
using Identity.ServiceDefaults.Discovery.Consul;
using Identity.TestKit;
using Identity.TestKit.Consul;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

public sealed class ConsulRegistrationTests
{
    [Fact]
    public async Task Start_ProviderConsul_RegistersTheDocumentedBody()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: ConsulTestServices.Token);
        var name = "reg-" + TestTenant.New();
        await using var service = await LoopbackService.StartAsync(ConsulTestServices.Build(consul, name, "a", s => s["Consul:Tags:0"] = "v1"));
        var id = $"{name}-{Environment.MachineName}-{service.MainUri.Port}".ToLowerInvariant();

        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(consul.ServiceIds.Contains(id)));

        var request = Assert.Single(consul.Requests, r => r.Path == "/v1/agent/service/register");
        Assert.Equal("PUT", request.Method);
        Assert.Equal(ConsulTestServices.Token, request.Token);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["ID", "Name", "Tags", "Address", "Port", "Meta", "Check"], body.Select(p => p.Key));
        Assert.Equal(id, (string?)body["ID"]);
        Assert.Equal(name, (string?)body["Name"]);
        Assert.Equal(["v1"], body["Tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("127.0.0.1", (string?)body["Address"]);
        Assert.Equal(service.MainUri.Port, (int?)body["Port"]);
        var check = body["Check"]!.AsObject();
        Assert.Equal(["CheckID", "Name", "HTTP", "Method", "Interval", "Timeout", "DeregisterCriticalServiceAfter"], check.Select(p => p.Key));
        Assert.Equal(id + "-ready", (string?)check["CheckID"]);
        Assert.Equal($"http://127.0.0.1:{service.ManagementUri.Port}/health/ready", (string?)check["HTTP"]);
        Assert.Equal("GET", (string?)check["Method"]);
        Assert.Equal("10s", (string?)check["Interval"]);
        Assert.Equal("2s", (string?)check["Timeout"]);
        Assert.Equal("1m", (string?)check["DeregisterCriticalServiceAfter"]);
    }

    [Fact]
    public async Task RegisteredCheck_ProbedByTheAgent_Passes()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: ConsulTestServices.Token);
        var name = "chk-" + TestTenant.New();
        var (service, id) = await ConsulTestServices.StartRegisteredAsync(consul, name, "a");
        await using var _ = service;
        var options = new ConsulOptions { Address = consul.Address.ToString(), AclToken = ConsulTestServices.Token };
        var health = new ConsulHealthClient(ConsulHttp.CreateClient(options), options);
        var before = await health.GetPassingAsync(name, 0, TimeSpan.Zero, CancellationToken.None).WithTimeout();

        await consul.RunHttpChecksAsync().WithTimeout();

        var after = await health.GetPassingAsync(name, 0, TimeSpan.Zero, CancellationToken.None).WithTimeout();
        Assert.Empty(before.Entries);
        Assert.Equal(id, Assert.Single(after.Entries).Service!.Id);
        Assert.Equal([$"127.0.0.1:{service.MainUri.Port}"], after.ToAddresses().Select(a => a.EndPoint.ToString()));
    }

    [Fact]
    public async Task Stop_Registered_DeregistersBeforeExit()
    {
        await using var consul = await FakeConsulServer.StartAsync(requiredToken: ConsulTestServices.Token);
        var (service, id) = await ConsulTestServices.StartRegisteredAsync(consul, "dereg-" + TestTenant.New(), "a");

        await service.DisposeAsync().AsTask().WithTimeout();

        Assert.DoesNotContain(id, consul.ServiceIds);
        var request = Assert.Single(consul.Requests, r => r.Path.StartsWith("/v1/agent/service/deregister/", StringComparison.Ordinal));
        Assert.Equal(("PUT", "/v1/agent/service/deregister/" + id, ConsulTestServices.Token), (request.Method, request.Path, request.Token));
    }

    [Fact]
    public async Task Start_ConsulDown_ServiceRunsAndRegistersWhenConsulComesBack()
    {
        await using var consul = await FakeConsulServer.StartAsync();
        await consul.StopAsync().WithTimeout();
        var name = "retry-" + TestTenant.New();
        await using var service = await LoopbackService.StartAsync(ConsulTestServices.Build(consul, name, "a"));
        var ready = await service.ManagementClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        await consul.RestartAsync().WithTimeout();

        Assert.True(ready.IsSuccessStatusCode);
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(consul.ServiceIds.Count == 1), because: "registration is retried");
        Assert.StartsWith(name + "-", Assert.Single(consul.ServiceIds), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProviderStatic_DoesNotRegister()
    {
        await using var consul = await FakeConsulServer.StartAsync();

        await using var service = await LoopbackService.StartAsync(
            ConsulTestServices.Build(consul, "static-" + TestTenant.New(), "a", s => s["Discovery:Provider"] = "Static"));
        var ready = await service.ManagementClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        Assert.True(ready.IsSuccessStatusCode);
        Assert.Empty(consul.Requests);
    }
}
