using Identity.TestKit;
using Identity.TestKit.ServerLogs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Identity.Directory.Tests.Storage;

/// <summary>Storage__Provider is checked when the host starts: a typo is a startup error naming the key, never a silent SQLite.</summary>
public sealed class DirectoryStorageStartTests
{
    [Fact]
    public async Task Start_ProviderTypo_FailsNamingTheKeyAndTheAllowedValues()
    {
        var app = App(("Storage:Provider", "Sqlit"), ("Storage:SqlitePath", ":memory:"));
        // The host logs the refusal it is provoked into; that error is the point of the test.
        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackService.StartAsync(app)).WithTimeout();

        Assert.Contains("Storage__Provider is 'Sqlit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed values: Sqlite, Mongo", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Start_MongoWithoutConnectionString_FailsNamingTheKey()
    {
        var app = App(("Storage:Provider", "Mongo"));
        using var refusal = ServerErrorLog.Allow("Microsoft.Extensions.Hosting", exceptionType: typeof(OptionsValidationException));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LoopbackService.StartAsync(app)).WithTimeout();

        Assert.Contains("Storage__MongoConnectionString", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Start_ProviderInOtherCase_RunsOnSqliteAndIsReady()
    {
        var path = Path.Combine(Path.GetTempPath(), $"identity-directory-start-{Guid.NewGuid():N}.db");
        await using (var service = await LoopbackService.StartAsync(App(("Storage:Provider", "sqlite"), ("Storage:SqlitePath", path))))
        {
            var health = await service.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WithTimeout();

            Assert.Equal(HealthStatus.Healthy, health.Entries["directory-store"].Status);
            // Opened at start, not at the first request: the schema steps ran before any traffic.
            Assert.True(File.Exists(path));
        }
        SqliteTestDatabase.DeleteFiles(path);
    }

    private static WebApplication App(params (string Key, string? Value)[] settings) =>
        DirectoryApp.Create([], b => b.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))));
}
