namespace Identity.Scim.Validation;

/// <summary>How strictly input (create, replace, PATCH values) is checked.</summary>
/// <param name="DropUnknownAttributes">
/// Drop attributes the schema does not define instead of rejecting them with invalidValue.
/// For noisy IdPs: OneLogin templates are customer-authored and carry misspellings such as
/// "prefferedLanguage" (docs/idp-dialects.md §2.4).
/// </param>
public sealed record ValidationOptions(bool DropUnknownAttributes = false)
{
    public static ValidationOptions Default { get; } = new();

    public static ValidationOptions Lenient { get; } = new(DropUnknownAttributes: true);
}
