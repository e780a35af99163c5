using CsCheck;
using Identity.Scim.Filters;
using Identity.Scim.Paths;

namespace Identity.Scim.Tests.Properties;

/// <summary>Generators of filter and path ASTs, and of noisy filter-like text.</summary>
internal static class FilterGenerators
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    // Keywords as attribute names are legal (ATTRNAME) and stress the parser's lookahead.
    private static readonly Gen<string> Names = Gen.OneOf(
        "userName", "emails", "value", "type", "not", "and", "or", "pr", "eq", "a-b_c1", "$ref", "X");

    private static readonly Gen<string> Text = Gen.String[Gen.Char["abc \"\\/\b\f\n\r\t\u0001é€😀[]()"], 0, 8];

    private static readonly Gen<FilterValue> Values = Gen.OneOf(
        Text.Select(FilterValue.String),
        Gen.OneOf("0", "-12", "3.25", "1e3", "-0.5E-2").Select(n => new FilterValue(FilterValueKind.Number, n)),
        Gen.OneOf(FilterValue.True, FilterValue.False, FilterValue.Null));

    public static readonly Gen<AttributePath> Paths = Gen.Select(
        Gen.OneOf<string?>(null, null, Enterprise),
        Names,
        Gen.OneOf<string?>(null, null, "value", "givenName", "$ref"),
        (uri, name, sub) => new AttributePath(uri, name, sub));

    private static readonly Gen<AttributePath> SubPaths = Names.Select(name => new AttributePath(null, name));

    public static readonly Gen<FilterNode> Filters = Tree(Paths, allowValuePath: true, depth: 3);

    public static readonly Gen<ScimPath> PatchPaths = Gen.OneOf(
        Paths.Select(path => new ScimPath(path)),
        Gen.Select(
            Paths.Select(p => p with { SubAttribute = null }),
            Tree(SubPaths, allowValuePath: false, depth: 2),
            Gen.OneOf<string?>(null, "value", "display"),
            (path, filter, sub) => new ScimPath(path, filter, sub)));

    /// <summary>Text built from filter tokens and stray characters, mostly not a valid filter.</summary>
    public static readonly Gen<string> NoisyText = Gen.OneOf(
        Gen.String[Gen.Char["abeqnotrpsw.:[]()\"\\ 0123456789-_$eEuU"], 0, 40],
        Gen.OneOf("eq", "and", "or", "not", "(", ")", "[", "]", "\"", "pr", " ", "userName", ".value", "\"x\"", "1e5", "urn:a:b:c", "\\u12")
            .Array[0, 12]
            .Select(parts => string.Join("", parts)),
        Gen.String);

    /// <summary>A valid filter with one character deleted, replaced or inserted.</summary>
    public static readonly Gen<string> MutatedFilters = Gen.Select(
        Filters.Select(f => f.ToString()),
        Gen.Int[0, 1000],
        Gen.Int[0, 2],
        Gen.Char["\"()[] .:\\eqa0"],
        (text, at, kind, c) =>
        {
            var i = text.Length == 0 ? 0 : at % text.Length;
            return kind switch
            {
                0 when text.Length > 0 => text.Remove(i, 1),
                1 when text.Length > 0 => text[..i] + c + text[(i + 1)..],
                _ => text.Insert(i, c.ToString()),
            };
        });

    private static Gen<FilterNode> Tree(Gen<AttributePath> paths, bool allowValuePath, int depth)
    {
        var leaves = Gen.OneOf<FilterNode>(
            Gen.Select(paths, Gen.Enum<ComparisonOperator>(), Values, (p, op, v) => (FilterNode)new ComparisonFilter(p, op, v)),
            paths.Select(p => (FilterNode)new PresentFilter(p)));
        if (allowValuePath)
        {
            leaves = Gen.Frequency(
                (4, leaves),
                (1, Gen.Select(paths.Select(p => p with { SubAttribute = null }), Tree(SubPaths, false, 1), (p, f) => (FilterNode)new ValuePathFilter(p, f))));
        }

        if (depth == 0)
        {
            return leaves;
        }

        var inner = Tree(paths, allowValuePath, depth - 1);
        return Gen.Frequency(
            (3, leaves),
            (1, Gen.Select(inner, inner, (l, r) => (FilterNode)new AndFilter(l, r))),
            (1, Gen.Select(inner, inner, (l, r) => (FilterNode)new OrFilter(l, r))),
            (1, inner.Select(f => (FilterNode)new NotFilter(f))));
    }
}
