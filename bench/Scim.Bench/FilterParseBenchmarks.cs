using BenchmarkDotNet.Attributes;
using Identity.Scim.Filters;

namespace Identity.Scim.Bench;

[MemoryDiagnoser]
[MedianColumn]
public class FilterParseBenchmarks
{
    private const string Simple = "userName eq \"bjensen@example.com\"";
    private const string Compound = "userType eq \"Employee\" and (emails[type eq \"work\" and value co \"@example.com\"] or not (active eq false))";

    [Benchmark(Baseline = true)]
    public FilterNode ParseSimple() => ScimFilter.Parse(Simple);

    [Benchmark]
    public FilterNode ParseCompound() => ScimFilter.Parse(Compound);
}
