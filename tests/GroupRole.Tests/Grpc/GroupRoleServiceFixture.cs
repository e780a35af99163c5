using Identity.Contracts.GroupRole.V1;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.GroupRole.Tests.Grpc;

/// <summary>One GroupRole service on loopback with an in-memory SQLite store, shared by a test class.</summary>
public sealed class GroupRoleServiceFixture : IAsyncLifetime
{
    private LoopbackService? _service;

    public LoopbackService Service => _service ?? throw new InvalidOperationException("Not started.");

    public GroupRoleService.GroupRoleServiceClient Client => new(Service.Channel);

    public async Task InitializeAsync()
    {
        var app = GroupRoleApp.Create([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = ":memory:",
        }));
        _service = await LoopbackService.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
