using Identity.TestKit;
using Identity.TestKit.ServerLogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>Storage__Provider is checked when the host starts, with the same rule and message as Directory's and Revocation's.</summary>
public sealed class GroupRoleStorageStartTests
{
    [Fact]
    public async Task Start_ProviderTypo_FailsNamingTheKeyAndTheAllowedValues()
    {
        var app = GroupRoleApp.Create([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlit",
            ["Storage:SqlitePath"] = ":memory:",
        }));

        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackService.StartAsync(app)).WithTimeout();

        Assert.Contains("Storage__Provider is 'Sqlit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed values: Sqlite, Mongo", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }
}
