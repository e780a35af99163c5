namespace Identity.ScimEdge.Tests.Architecture;

/// <summary>The folders (namespaces) of the edge depend on each other one way only.</summary>
public sealed class NamespaceCycleTests
{
    private const string Edge = "Identity.ScimEdge";

    [Fact]
    public void ScimEdge_NamespaceGraph_HasNoCycle()
    {
        var graph = NamespaceGraph.Of(typeof(ScimEdgeApp).Assembly, Edge);

        var cycles = graph.Cycles();

        var report = string.Join(Environment.NewLine, cycles.Select(cycle =>
            $"cycle: {string.Join(" <-> ", cycle)}{Environment.NewLine}" + string.Join(Environment.NewLine, graph.Edges
                .Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To))
                .Select(e => $"  {e.Key.From} -> {e.Key.To}: {e.Value}"))));
        Assert.True(cycles.Count == 0, report);
    }

    [Fact]
    public void NamespaceGraph_SeesUsesInsideMethodBodies()
    {
        var graph = NamespaceGraph.Of(typeof(ScimEdgeApp).Assembly, Edge);

        // The routes name the endpoint classes only in calls inside MapScimApi's body.
        Assert.Contains((Edge + ".Routing", Edge + ".Endpoints.Users"), graph.Edges.Keys);
    }

    [Fact]
    public void Cycles_ThroughAMethodBody_AreFoundAndNamed()
    {
        var graph = NamespaceGraph.Of(typeof(NamespaceCycleTests).Assembly, "Identity.ScimEdge.Tests.Architecture.Samples");

        var cycles = graph.Cycles();

        Assert.Equal([[typeof(Samples.Called.Callee).Namespace!, typeof(Samples.Calling.Caller).Namespace!]], cycles);
        Assert.Contains("Caller uses", graph.Edges[(typeof(Samples.Calling.Caller).Namespace!, typeof(Samples.Called.Callee).Namespace!)]);
    }
}
