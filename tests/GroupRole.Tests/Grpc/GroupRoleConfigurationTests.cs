using Identity.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Identity.GroupRole.Tests.Grpc;

public sealed class GroupRoleConfigurationTests
{
    [Fact]
    public async Task Start_MongoProviderWithoutConnectionString_FailsNamingTheKey()
    {
        var app = GroupRoleApp.Create([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Mongo",
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackService.StartAsync(app)).WithTimeout();

        Assert.Contains("Storage__MongoConnectionString", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Start_UnknownProvider_FailsNamingTheKey()
    {
        var app = GroupRoleApp.Create([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackService.StartAsync(app)).WithTimeout();

        Assert.Contains("Storage__Provider", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }
}
