using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;

namespace Identity.Scim.Bench;

[MemoryDiagnoser]
[MedianColumn]
public class PatchBenchmarks
{
    // A typical Entra update: capitalised ops, a filter path and a string boolean.
    private const string Body = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
         {"op":"Replace","path":"emails[type eq \"work\"].value","value":"updated@example.com"},
         {"op":"Replace","path":"name.familyName","value":"Updated"},
         {"op":"Replace","path":"active","value":"False"}]}
        """;

    private JsonObject _user = [];
    private JsonNode _body = new JsonObject();
    private PatchRequest _request = new([]);

    [GlobalSetup]
    public void Setup()
    {
        _user = BenchData.User(42);
        _body = JsonNode.Parse(Body)!;
        _request = PatchRequest.Parse(_body);
    }

    [Benchmark(Baseline = true)]
    public JsonObject ApplyThreeOperations() => PatchEngine.Apply(_user, _request, SchemaRegistry.Default.Users);

    [Benchmark]
    public JsonObject ParseAndApplyThreeOperations() => PatchEngine.Apply(_user, PatchRequest.Parse(_body), SchemaRegistry.Default.Users);
}
