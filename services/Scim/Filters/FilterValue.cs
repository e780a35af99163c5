using System.Globalization;
using System.Text;

namespace Identity.Scim.Filters;

/// <summary>
/// A compValue: a string (unescaped), a number (its JSON text), true/false or null.
/// </summary>
public sealed record FilterValue(FilterValueKind Kind, string? Text)
{
    public static FilterValue Null { get; } = new(FilterValueKind.Null, null);

    public static FilterValue True { get; } = new(FilterValueKind.Boolean, "true");

    public static FilterValue False { get; } = new(FilterValueKind.Boolean, "false");

    public static FilterValue String(string text) => new(FilterValueKind.String, text);

    /// <summary>The number as a decimal; the parser only admits numbers that fit.</summary>
    public decimal AsDecimal() => decimal.Parse(Text!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public override string ToString() => Kind switch
    {
        FilterValueKind.String => Quote(Text!),
        FilterValueKind.Null => "null",
        _ => Text!,
    };

    /// <summary>JSON string encoding (RFC 8259 §7), escaping only what must be escaped.</summary>
    internal static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
