using CsCheck;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Properties;

public sealed class ParserPropertyTests
{
    private static readonly FilterEvaluator Users = new(SchemaRegistry.Default.Users);

    [Fact]
    public void ScimFilterParse_GeneratedAst_PrintsAndParsesToEqualAst()
    {
        FilterGenerators.Filters.Sample(
            filter =>
            {
                var text = filter.ToString();

                var reparsed = ScimFilter.Parse(text);

                Assert.Equal(filter, reparsed);
                Assert.Equal(text, reparsed.ToString());
            },
            iter: 3000);
    }

    [Fact]
    public void ScimPathParse_GeneratedAst_PrintsAndParsesToEqualAst()
    {
        FilterGenerators.PatchPaths.Sample(
            path =>
            {
                var reparsed = ScimPath.Parse(path.ToString());

                Assert.Equal(path, reparsed);
            },
            iter: 3000);
    }

    [Fact]
    public void ScimFilterParse_NoisyText_ThrowsOnlyInvalidFilterOrRoundTrips()
    {
        FilterGenerators.NoisyText.Sample(AssertFilterParsesOrFailsCleanly, iter: 5000);
    }

    [Fact]
    public void ScimFilterParse_MutatedValidFilter_ThrowsOnlyInvalidFilterOrRoundTrips()
    {
        FilterGenerators.MutatedFilters.Sample(AssertFilterParsesOrFailsCleanly, iter: 5000);
    }

    [Fact]
    public void ScimPathParse_NoisyText_ThrowsOnlyInvalidPathOrRoundTrips()
    {
        FilterGenerators.NoisyText.Sample(
            text =>
            {
                try
                {
                    var path = ScimPath.Parse(text);

                    Assert.Equal(path, ScimPath.Parse(path.ToString()));
                }
                catch (ScimException error)
                {
                    Assert.Equal(ScimErrorTypes.InvalidPath, error.ScimType);
                }
            },
            iter: 5000);
    }

    [Fact]
    public void FilterEvaluatorMatches_GeneratedFilter_ReturnsOrThrowsInvalidFilter()
    {
        var user = Fixtures.User();
        FilterGenerators.Filters.Sample(
            filter =>
            {
                try
                {
                    var matches = Users.Matches(filter, user);

                    Assert.Equal(matches, Users.Compile(filter)(user));
                }
                catch (ScimException error)
                {
                    Assert.Equal(ScimErrorTypes.InvalidFilter, error.ScimType);
                }
            },
            iter: 2000);
    }

    private static void AssertFilterParsesOrFailsCleanly(string text)
    {
        try
        {
            var filter = ScimFilter.Parse(text);

            Assert.Equal(filter, ScimFilter.Parse(filter.ToString()));
        }
        catch (ScimException error)
        {
            Assert.Equal(ScimErrorTypes.InvalidFilter, error.ScimType);
            Assert.Contains("The filter", error.Detail, StringComparison.Ordinal);
        }
    }
}
