using Identity.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.EmbeddedStorage.Tests;

/// <summary>The one SQLite health check: healthy while the file answers, unhealthy (not throwing) once it cannot be opened.</summary>
public sealed class SqliteHealthCheckTests
{
    [Fact]
    public async Task OpenDatabase_IsHealthy()
    {
        using var file = new TestDatabase("health");
        var check = new SqliteHealthCheck(file.Database);

        var result = await check.CheckHealthAsync(new HealthCheckContext()).WithTimeout();

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task FileReplacedByAFolder_IsUnhealthyWithTheCause()
    {
        using var file = new TestDatabase("health-gone");
        SqliteConnection.ClearAllPools();
        TestDatabase.DeleteFiles(file.Path);
        System.IO.Directory.CreateDirectory(file.Path);
        try
        {
            var result = await new SqliteHealthCheck(file.Database).CheckHealthAsync(new HealthCheckContext()).WithTimeout();

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Equal("SQLite does not answer.", result.Description);
            Assert.IsType<SqliteException>(result.Exception);
        }
        finally
        {
            System.IO.Directory.Delete(file.Path);
        }
    }
}
