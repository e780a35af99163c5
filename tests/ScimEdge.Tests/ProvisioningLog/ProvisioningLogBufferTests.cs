using Identity.ScimEdge.ProvisioningLog;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Tests.ProvisioningLog;

public sealed class ProvisioningLogBufferTests
{
    private static ProvisioningLogEntry Entry(int n, int status = 200) => new(DateTimeOffset.UnixEpoch.AddSeconds(n), $"r{n}", "ua", "auto",
        "GET", "/scim/v2/Users", null, status, 1, null, null, "Users", null);

    [Fact]
    public void Read_PastCapacity_KeepsTheNewestFirst()
    {
        var buffer = new ProvisioningLogBuffer(Options.Create(new ProvisioningLogOptions { Capacity = 10 }));
        for (var i = 0; i < 25; i++)
        {
            buffer.Add("t1", Entry(i));
        }

        var entries = buffer.Read("t1", 100, _ => true);

        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => $"r{i}"), entries.Select(e => e.RequestId));
    }

    [Fact]
    public void Read_OtherTenant_SeesNothing()
    {
        var buffer = new ProvisioningLogBuffer(Options.Create(new ProvisioningLogOptions { Capacity = 10 }));
        buffer.Add("t1", Entry(1));

        var entries = buffer.Read("t2", 100, _ => true);

        Assert.Empty(entries);
    }

    [Fact]
    public void Read_WithFilterAndLimit_AppliesBoth()
    {
        var buffer = new ProvisioningLogBuffer(Options.Create(new ProvisioningLogOptions { Capacity = 10 }));
        for (var i = 0; i < 6; i++)
        {
            buffer.Add("t1", Entry(i, i % 2 == 0 ? 200 : 409));
        }

        var entries = buffer.Read("t1", 2, e => e.Status == 409);

        Assert.Equal(["r5", "r3"], entries.Select(e => e.RequestId));
    }
}
