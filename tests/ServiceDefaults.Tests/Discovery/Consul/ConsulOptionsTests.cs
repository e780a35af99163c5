using Identity.ServiceDefaults.Discovery.Consul;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Identity.TestKit;
using Identity.TestKit.ServerLogs;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

public sealed class ConsulOptionsTests
{
    [Theory]
    [InlineData("Consul:Address", "not a url", "Consul__Address")]
    [InlineData("Consul:Address", "ftp://127.0.0.1:8500", "Consul__Address")]
    [InlineData("Consul:WatchWait", "00:20:00", "Consul__WatchWait")]
    [InlineData("Consul:ServiceAddress", "pod.local", "Consul__ServiceAddress")]
    [InlineData("Consul:CheckInterval", "00:00:00", "Consul__CheckInterval")]
    public async Task Start_InvalidSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddIdentityDefaults("opts-test", ServiceProtocol.Grpc);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value, ["Logging:LogLevel:Default"] = "None" });
        await using var app = builder.Build();
        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync()).WithTimeout();

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ConsulOptions();

        Assert.Equal(("http://127.0.0.1:8500", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)),
            (options.Address, options.WatchWait, options.DeregisterCriticalServiceAfter, options.CheckInterval, options.CheckTimeout));
        Assert.True(new ConsulOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(10_000, "10s")]
    [InlineData(60_000, "1m")]
    [InlineData(300_000, "5m")]
    [InlineData(90_000, "90s")]
    [InlineData(2_500, "2500ms")]
    public void GoDuration_Format_WritesGoSyntax(int milliseconds, string expected)
    {
        var text = GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, text);
    }
}
