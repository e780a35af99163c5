namespace Identity.Scim.Filters;

internal enum FilterTokenKind
{
    Word,
    String,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    End,
}

/// <summary>
/// A lexical token at a 0-based <see cref="Position"/> in the filter text. Words stay slices of
/// the text until their string is needed, so keywords and operators cost no allocation; for a
/// string token the slice is its unescaped value.
/// </summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, int Position, string Source, int Start, int Length)
{
    public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

    public string Text => Start == 0 && Length == Source.Length ? Source : Source.Substring(Start, Length);

    public bool IsWord(string keyword) =>
        Kind == FilterTokenKind.Word && Span.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "the end of the text",
        FilterTokenKind.String => $"the string {FilterValue.Quote(Text)}",
        _ => $"'{Text}'",
    };
}
