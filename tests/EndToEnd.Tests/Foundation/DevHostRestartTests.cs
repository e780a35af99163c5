using System.Net;
using System.Net.Http.Headers;
using Identity.DevHost;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Foundation;

public sealed class DevHostRestartTests
{
    [Fact]
    public async Task Restart_SameDataFolder_KeepsGeneratedTokenAndTenant()
    {
        var data = Path.Combine(Path.GetTempPath(), "identity-restart-" + Guid.NewGuid().ToString("N")[..12]);
        var options = SuiteFixture.EphemeralOptions(data);
        options.BootstrapToken = null;
        string firstToken;
        await using (var first = await EmbeddedSuite.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(60)))
        {
            firstToken = first.BootstrapToken;
        }

        await using var second = await EmbeddedSuite.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = second.ScimUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", firstToken);
        using var response = await client.SendAsync(request).WithTimeout();

        Assert.Equal(firstToken, second.BootstrapToken);
        Assert.True(firstToken.Length >= 24);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        System.IO.Directory.Delete(data, recursive: true);
    }
}
