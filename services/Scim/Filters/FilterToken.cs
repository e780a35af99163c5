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

/// <summary>A lexical token with its 0-based position in the filter text.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string keyword) =>
        Kind == FilterTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        FilterTokenKind.End => "the end of the text",
        FilterTokenKind.String => $"the string {FilterValue.Quote(Text)}",
        _ => $"'{Text}'",
    };
}
