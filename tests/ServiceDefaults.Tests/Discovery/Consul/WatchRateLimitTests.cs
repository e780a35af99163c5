using Identity.ServiceDefaults.Discovery.Consul;
using Identity.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

public sealed class WatchRateLimitTests
{
    [Fact]
    public async Task WaitAsync_ThirdQueryWithinASecond_WaitsForARefill()
    {
        var time = new FakeTimeProvider();
        var limit = new WatchRateLimit(time);
        await limit.WaitAsync(CancellationToken.None).WithTimeout();
        await limit.WaitAsync(CancellationToken.None).WithTimeout();

        var third = limit.WaitAsync(CancellationToken.None);
        var heldBeforeRefill = !third.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WithTimeout();

        Assert.True(heldBeforeRefill);
        Assert.True(third.IsCompletedSuccessfully);
    }
}
