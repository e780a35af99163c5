using Identity.EndToEnd.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.EndToEnd.Tests.Foundation;

/// <summary>
/// The DevHost keeps its data under the working directory by default; a service rooted there and
/// watching it for settings changes would wake on every SQLite write.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class EmbeddedFileWatchTests(SuiteFixture fixture)
{
    [Fact]
    public void EmbeddedServices_RootedAtBinaries_WatchNoSettingsFiles()
    {
        var apps = fixture.Suite.Apps;

        Assert.Equal(4, apps.Count);
        foreach (var app in apps)
        {
            var environment = app.Services.GetRequiredService<IWebHostEnvironment>();
            Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(environment.ContentRootPath));
            var providers = ((IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>()).Providers;
            Assert.DoesNotContain(providers, p => p is FileConfigurationProvider { Source.ReloadOnChange: true });
        }
    }
}
