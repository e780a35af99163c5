using System.Globalization;
using System.Text.RegularExpressions;
using Identity.Scim.Errors;
using Identity.Scim.Paths;

namespace Identity.Scim.Filters;

/// <summary>
/// Recursive-descent parser for the RFC 7644 §3.4.2.2 filter grammar, shared with the PATCH
/// path grammar (§3.5.2), which embeds a valFilter. Precedence per Table 5: not, then and, then or.
/// </summary>
internal sealed partial class FilterParser
{
    private readonly List<FilterToken> _tokens;
    private readonly FilterLimits _limits;
    private readonly Func<string, ScimException> _error;
    private int _next;
    private int _depth;
    private int _nodes;

    public FilterParser(string text, FilterLimits limits, Func<string, ScimException> error)
    {
        _limits = limits;
        _error = error;
        if (text.Length > limits.MaxLength)
        {
            throw error($"is {text.Length} characters long; at most {limits.MaxLength} are allowed");
        }

        _tokens = FilterLexer.Tokenize(text, error);
    }

    private FilterToken Peek => _tokens[_next];

    public FilterNode ParseWholeFilter()
    {
        var filter = ParseOr(inValuePath: false);
        if (Peek.Kind != FilterTokenKind.End)
        {
            throw Expected("'and', 'or' or the end of the filter");
        }

        return filter;
    }

    /// <summary>PATH = attrPath / valuePath [subAttr] (RFC 7644 §3.5.2).</summary>
    public ScimPath ParseWholePath()
    {
        var token = Peek;
        if (token.Kind != FilterTokenKind.Word)
        {
            throw Expected("an attribute path");
        }

        _next++;
        var attribute = ParseAttributePath(token);
        FilterNode? filter = null;
        string? sub = null;
        if (Peek.Kind == FilterTokenKind.OpenBracket)
        {
            (filter, sub) = ParseValueFilterTail(attribute);
        }

        if (Peek.Kind != FilterTokenKind.End)
        {
            throw Expected(filter is null ? "'[' or the end of the path" : "'.subAttribute' or the end of the path");
        }

        return new ScimPath(attribute, filter, sub);
    }

    private FilterNode ParseOr(bool inValuePath)
    {
        var left = ParseAnd(inValuePath);
        while (Peek.IsWord("or"))
        {
            _next++;
            left = Count(new OrFilter(left, ParseAnd(inValuePath)));
        }

        return left;
    }

    private FilterNode ParseAnd(bool inValuePath)
    {
        var left = ParseUnary(inValuePath);
        while (Peek.IsWord("and"))
        {
            _next++;
            left = Count(new AndFilter(left, ParseUnary(inValuePath)));
        }

        return left;
    }

    private FilterNode ParseUnary(bool inValuePath)
    {
        var token = Peek;
        if (token.IsWord("not") && _tokens[_next + 1].Kind == FilterTokenKind.OpenParen)
        {
            _next += 2;
            var inner = ParseGroup(inValuePath, "')' to close 'not ('");
            return Count(new NotFilter(inner));
        }

        if (token.Kind == FilterTokenKind.OpenParen)
        {
            _next++;
            return ParseGroup(inValuePath, "')' to close '('");
        }

        if (token.Kind != FilterTokenKind.Word)
        {
            throw Expected("an attribute path, '(' or 'not ('");
        }

        _next++;
        return ParseAttributeExpression(token, inValuePath);
    }

    private FilterNode ParseGroup(bool inValuePath, string closer)
    {
        Enter();
        var inner = ParseOr(inValuePath);
        Expect(FilterTokenKind.CloseParen, closer);
        _depth--;
        return inner;
    }

    private FilterNode ParseAttributeExpression(FilterToken pathToken, bool inValuePath)
    {
        var path = ParseAttributePath(pathToken);
        if (Peek.Kind == FilterTokenKind.OpenBracket)
        {
            if (inValuePath)
            {
                throw Expected("an operator (value filters cannot nest, RFC 7644 §3.4.2.2)");
            }

            var (inner, sub) = ParseValueFilterTail(path);
            if (sub is not null)
            {
                // Entra queries `emails[type eq "work"].value eq "x"` (docs/idp-dialects.md §2.1), outside the
                // RFC grammar; it means one email both typed work and equal to x, so fold it in.
                var comparison = ParseOperatorAndValue(new AttributePath(null, sub), pathToken);
                inner = Count(new AndFilter(inner, comparison));
            }

            return Count(new ValuePathFilter(path, inner));
        }

        return ParseOperatorAndValue(path, pathToken);
    }

    private (FilterNode Filter, string? SubAttribute) ParseValueFilterTail(AttributePath path)
    {
        if (path.SubAttribute is not null)
        {
            throw Expected($"an operator after '{path}' (a value filter follows an attribute, not a sub-attribute)");
        }

        _next++;
        Enter();
        var inner = ParseOr(inValuePath: true);
        Expect(FilterTokenKind.CloseBracket, "']' to close the value filter");
        _depth--;
        string? sub = null;
        if (Peek.Kind == FilterTokenKind.Word && Peek.Span.StartsWith('.'))
        {
            sub = Peek.Source.Substring(Peek.Start + 1, Peek.Length - 1);
            if (!AttributePath.IsAttributeName(sub))
            {
                throw Expected("a sub-attribute name after ']'.");
            }

            _next++;
        }

        return (inner, sub);
    }

    private FilterNode ParseOperatorAndValue(AttributePath path, FilterToken pathToken)
    {
        var token = Peek;
        if (token.IsWord("pr"))
        {
            _next++;
            return Count(new PresentFilter(path));
        }

        if (token.Kind != FilterTokenKind.Word || ReadOperator(token.Span) is not { } op)
        {
            throw Expected($"an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after '{pathToken.Text}'");
        }

        _next++;
        return Count(new ComparisonFilter(path, op, ParseValue()));
    }

    // Table 3 operators are case-insensitive; a switch avoids Enum.TryParse on the hot path.
    private static ComparisonOperator? ReadOperator(ReadOnlySpan<char> text) =>
        text.Length != 2 ? null : (char.ToLowerInvariant(text[0]), char.ToLowerInvariant(text[1])) switch
        {
            ('e', 'q') => ComparisonOperator.Eq,
            ('n', 'e') => ComparisonOperator.Ne,
            ('c', 'o') => ComparisonOperator.Co,
            ('s', 'w') => ComparisonOperator.Sw,
            ('e', 'w') => ComparisonOperator.Ew,
            ('g', 't') => ComparisonOperator.Gt,
            ('g', 'e') => ComparisonOperator.Ge,
            ('l', 't') => ComparisonOperator.Lt,
            ('l', 'e') => ComparisonOperator.Le,
            _ => null,
        };

    private FilterValue ParseValue()
    {
        var token = Peek;
        if (token.Kind == FilterTokenKind.String)
        {
            _next++;
            return FilterValue.String(token.Text);
        }

        if (token.Kind != FilterTokenKind.Word)
        {
            throw Expected("a value (a JSON string, number, true, false or null)");
        }

        _next++;
        if (token.IsWord("true"))
        {
            return FilterValue.True;
        }

        if (token.IsWord("false"))
        {
            return FilterValue.False;
        }

        if (token.IsWord("null"))
        {
            return FilterValue.Null;
        }

        if (JsonNumber().IsMatch(token.Span))
        {
            if (!decimal.TryParse(token.Span, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw _error($"at character {token.Position + 1}: the number {token.Text} is out of range");
            }

            return new FilterValue(FilterValueKind.Number, token.Text);
        }

        // Entra sends `externalId eq jyoung` unquoted (docs/idp-dialects.md §2.1, §2.8 item 6): a bare
        // word that is no JSON literal is read as the string it spells rather than rejected.
        return FilterValue.String(token.Text);
    }

    private AttributePath ParseAttributePath(FilterToken token) =>
        AttributePath.TryParse(token.Text, out var reason)
            ?? throw _error($"at character {token.Position + 1}: expected {reason}");

    private void Expect(FilterTokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Expected(what);
        }

        _next++;
    }

    private void Enter()
    {
        if (++_depth > _limits.MaxDepth)
        {
            throw _error($"at character {Peek.Position + 1}: nests deeper than {_limits.MaxDepth} levels");
        }
    }

    private FilterNode Count(FilterNode node)
    {
        if (++_nodes > _limits.MaxNodes)
        {
            throw _error($"has more than {_limits.MaxNodes} expressions");
        }

        return node;
    }

    private ScimException Expected(string what) =>
        _error($"at character {Peek.Position + 1}: expected {what} but found {Peek.Describe()}");

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
