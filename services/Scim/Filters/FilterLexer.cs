using System.Globalization;
using System.Text;
using Identity.Scim.Errors;

namespace Identity.Scim.Filters;

/// <summary>Splits filter or path text into words, JSON strings and brackets.</summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string text, Func<string, ScimException> error)
    {
        var tokens = new List<FilterToken>(Math.Min(text.Length / 5, 256) + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                continue;
            }

            var single = c switch
            {
                '(' => FilterTokenKind.OpenParen,
                ')' => FilterTokenKind.CloseParen,
                '[' => FilterTokenKind.OpenBracket,
                ']' => FilterTokenKind.CloseBracket,
                _ => FilterTokenKind.End,
            };
            if (single != FilterTokenKind.End)
            {
                tokens.Add(new FilterToken(single, i, text, i, 1));
                i++;
            }
            else if (c == '"')
            {
                var start = i;
                var value = ReadString(text, ref i, error);
                tokens.Add(new FilterToken(FilterTokenKind.String, start, value, 0, value.Length));
            }
            else
            {
                var start = i;
                while (i < text.Length && !IsDelimiter(text[i]))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Word, start, text, start, i - start));
            }
        }

        tokens.Add(new FilterToken(FilterTokenKind.End, text.Length, text, text.Length, 0));
        return tokens;
    }

    private static bool IsDelimiter(char c) => c is ' ' or '\t' or '\r' or '\n' or '(' or ')' or '[' or ']' or '"';

    // RFC 7644 §3.4.2.2: string values follow JSON string rules (RFC 8259 §7).
    private static string ReadString(string text, ref int i, Func<string, ScimException> error)
    {
        var start = i;

        // Fast path: most values have no escapes, so slice them out without a builder.
        var plainEnd = text.AsSpan(i + 1).IndexOfAny('"', '\\');
        if (plainEnd >= 0 && text[i + 1 + plainEnd] == '"' && !text.AsSpan(i + 1, plainEnd).ContainsAnyInRange('\0', '\u001f'))
        {
            i += plainEnd + 2;
            return text.Substring(start + 1, plainEnd);
        }

        var builder = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw error($"at character {start + 1}: expected a closing '\"' for the string starting there but found the end of the text");
            }

            var c = text[i];
            if (c == '"')
            {
                i++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw error($"at character {i + 1}: expected an escaped control character (JSON string rules) but found U+{(int)c:X4}");
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            var escape = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 6 <= text.Length
                    && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw error($"at character {i + 1}: expected a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }

            i += 2;
        }
    }
}
