using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;
using Identity.Scim.Validation;

namespace Identity.Scim.Tests.Patching;

/// <summary>What one PATCH may cost: capped value counts, merges without a quadratic scan, cancellation.</summary>
public sealed class PatchCostBoundsTests
{
    private static string Emails(int count, int offset = 0) =>
        "[" + string.Join(',', Enumerable.Range(offset, count).Select(i => $$"""{"value":"user{{i}}@example.com","type":"work"}""")) + "]";

    private static string Operation(string op, string path, string value) => $$"""{"op":"{{op}}","path":"{{path}}","value":{{value}}}""";

    private static JsonObject Apply(JsonObject resource, ValidationOptions options, params string[] operations) =>
        PatchEngine.Apply(resource, PatchRequest.Parse(Fixtures.PatchBody(operations)), SchemaRegistry.Default.Users, options);

    [Fact]
    public void Replace_MoreValuesThanTheCap_IsInvalidValueNamingTheCap()
    {
        var error = Assert.Throws<ScimException>(() =>
            Apply(Fixtures.User(), ValidationOptions.Default, Operation("replace", "emails", Emails(ValidationOptions.DefaultMaxValuesPerAttribute + 1))));

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Contains("at most 1000", error.Detail, StringComparison.Ordinal);
        Assert.Contains("Operations[0]", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_ExactlyTheCap_IsAccepted()
    {
        var result = Apply(Fixtures.User(), ValidationOptions.Default, Operation("replace", "emails", Emails(ValidationOptions.DefaultMaxValuesPerAttribute)));

        Assert.Equal(ValidationOptions.DefaultMaxValuesPerAttribute, result["emails"]!.AsArray().Count);
    }

    [Fact]
    public void Cap_IsConfigurable_AndMembersAreUncappedByDefault()
    {
        var options = ValidationOptions.Default with { MaxValuesPerAttribute = 3 };

        var error = Assert.Throws<ScimException>(() => Apply(Fixtures.User(), options, Operation("add", "emails", Emails(4))));

        Assert.Contains("at most 3", error.Detail, StringComparison.Ordinal);
        Assert.Null(options.MaxValuesOf("members"));
        Assert.Equal(3, options.MaxValuesOf("emails"));
    }

    [Fact]
    public void Add_ManyValuesToManyValues_MergesOverlapOnceThroughTheIndex()
    {
        // At this size the former n·m scan took seconds; the index makes it one lookup per value.
        // (Latency belongs to bench/, not to an assertion on a shared machine.)
        var options = ValidationOptions.Default with { MaxValuesPerAttribute = 20_000 };
        var user = Apply(Fixtures.User(), options, Operation("replace", "emails", Emails(18_000)));

        var result = Apply(user, options, Operation("add", "emails", Emails(18_000, offset: 9_000)));

        var values = result["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()).ToList();
        Assert.Equal(27_000, values.Count);
        Assert.Equal(27_000, values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Add_SameValuesInOtherCase_MergeInsteadOfDuplicating()
    {
        var user = Apply(Fixtures.User(), ValidationOptions.Default, Operation("replace", "emails", """[{"value":"A@x.com","type":"work"},{"value":"b@x.com"}]"""));

        var result = Apply(user, ValidationOptions.Default, Operation("add", "emails", """[{"value":"a@X.com","display":"A"},{"value":"c@x.com"}]"""));

        // The addition's sub-attributes, its spelling of the value included, are merged into the stored element.
        Assert.Equal("""[{"value":"a@X.com","type":"work","display":"A"},{"value":"b@x.com"},{"value":"c@x.com"}]""", result["emails"]!.ToJsonString());
    }

    [Fact]
    public void Apply_CancelledToken_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var request = PatchRequest.Parse(Fixtures.PatchBody(Operation("replace", "emails", Emails(10))));

        Assert.Throws<OperationCanceledException>(() =>
            PatchEngine.Apply(Fixtures.User(), request, SchemaRegistry.Default.Users, ValidationOptions.Default, cancelled.Token));
    }

    [Theory]
    [InlineData("""{"op":"add","path":"emails[type eq \"work\"].value","value":"new@contoso.com"}""")]
    [InlineData("""{"op":"replace","path":"addresses[type eq \"work\"].locality","value":"Oslo"}""")]
    [InlineData("""{"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"new@contoso.com"}}""")]
    public void FilterMatchingNothing_OutsideTheEntraProfile_IsNoTarget(string operation)
    {
        var user = Json.Object("""{"userName":"u"}""");

        var error = Assert.Throws<ScimException>(() => Apply(user, ValidationOptions.Default, operation));
        var entra = Apply(user, ValidationOptions.Default with { UpsertThroughValueFilter = true }, operation);

        Assert.Equal(ScimErrorTypes.NoTarget, error.ScimType);
        Assert.Contains("RFC 7644 §3.5.2.3", error.Detail, StringComparison.Ordinal);
        Assert.Contains(entra, p => p.Key is "emails" or "addresses");
    }

    [Fact]
    public void RemoveListedValues_DropsExactlyThoseAndKeepsTheOrderOfTheRest()
    {
        var user = Apply(Fixtures.User(), ValidationOptions.Default, Operation("replace", "emails", Emails(1000)));
        var evens = "[" + string.Join(',', Enumerable.Range(0, 500).Select(i => $$"""{"value":"USER{{2 * i}}@example.com"}""")) + "]";

        var result = Apply(user, ValidationOptions.Default, Operation("remove", "emails", evens));

        var expected = Enumerable.Range(0, 500).Select(i => $"user{2 * i + 1}@example.com");
        Assert.Equal(expected, result["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
    }
}
