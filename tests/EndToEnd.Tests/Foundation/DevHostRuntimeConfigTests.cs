using System.Text.Json.Nodes;

namespace Identity.EndToEnd.Tests.Foundation;

public sealed class DevHostRuntimeConfigTests
{
    [Fact]
    public void DevHost_RunsWithWorkstationGarbageCollector()
    {
        // The DevHost's runtimeconfig.json is copied beside the tests that reference it.
        var path = Path.Combine(AppContext.BaseDirectory, "Identity.DevHost.runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(config["System.GC.Server"]!.GetValue<bool>());
    }
}
