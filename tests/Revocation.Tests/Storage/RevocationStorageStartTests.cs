using Identity.Revocation.Storage;
using Identity.Revocation.Storage.InProcess;
using Identity.TestKit;
using Identity.TestKit.ServerLogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.Revocation.Tests.Storage;

/// <summary>Storage__Provider is checked when the host starts, with the same rule and message as Directory's and GroupRole's.</summary>
public sealed class RevocationStorageStartTests
{
    [Fact]
    public async Task Start_UnknownProvider_FailsNamingTheKeyAndTheAllowedValues()
    {
        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RevocationHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlit",
        })).WithTimeout();

        Assert.Contains("Storage__Provider is 'Sqlit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed values: InProcess, Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProviderInOtherCase_StartsOnThatStore()
    {
        await using var service = await RevocationHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "inprocess",
        }).WithTimeout(TimeSpan.FromSeconds(30));

        Assert.IsType<InProcessRevocationStore>(service.Services.GetRequiredService<IRevocationStore>());
    }
}
