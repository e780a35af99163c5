using Identity.TestKit;
using Identity.TestKit.ServerLogs;
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

        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));

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

        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackService.StartAsync(app)).WithTimeout();

        Assert.Contains("Storage__Provider", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }
}
