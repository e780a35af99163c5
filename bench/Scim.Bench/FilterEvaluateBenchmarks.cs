using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;

namespace Identity.Scim.Bench;

[MemoryDiagnoser]
[MedianColumn]
public class FilterEvaluateBenchmarks
{
    private List<JsonObject> _users = [];
    private Func<JsonObject, bool> _simple = _ => false;
    private Func<JsonObject, bool> _compound = _ => false;

    [GlobalSetup]
    public void Setup()
    {
        _users = Enumerable.Range(0, 10_000).Select(BenchData.User).ToList();
        var evaluator = new FilterEvaluator(SchemaRegistry.Default.Users);
        _simple = evaluator.Compile(ScimFilter.Parse("userName eq \"user9999@example.com\""));
        _compound = evaluator.Compile(ScimFilter.Parse("active eq true and emails[type eq \"work\" and value ew \"7@example.com\"]"));
    }

    [Benchmark]
    public int EvaluateSimpleOver10kUsers() => _users.Count(_simple);

    [Benchmark]
    public int EvaluateCompoundOver10kUsers() => _users.Count(_compound);
}
