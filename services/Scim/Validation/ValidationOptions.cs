namespace Identity.Scim.Validation;

/// <summary>How strictly input (create, replace, PATCH values) is checked.</summary>
/// <param name="DropUnknownAttributes">
/// Drop attributes the schema does not define instead of rejecting them with invalidValue.
/// For noisy IdPs: OneLogin templates are customer-authored and carry misspellings such as
/// "prefferedLanguage" (docs/idp-dialects.md §2.4).
/// </param>
public sealed record ValidationOptions(bool DropUnknownAttributes = false)
{
    /// <summary>The default cap on values of one multi-valued attribute (emails, phoneNumbers, ...).</summary>
    public const int DefaultMaxValuesPerAttribute = 1000;

    public static ValidationOptions Default { get; } = new();

    public static ValidationOptions Lenient { get; } = new(DropUnknownAttributes: true);

    /// <summary>
    /// Most values one multi-valued attribute may hold in a request; more is 400 invalidValue. It
    /// bounds the cost of a request: no person has a thousand email addresses.
    /// </summary>
    public int MaxValuesPerAttribute { get; init; } = DefaultMaxValuesPerAttribute;

    /// <summary>
    /// The cap for a group's <c>members</c>, null for none: big groups are legitimate, and the
    /// request body limit already bounds one request.
    /// </summary>
    public int? MaxMemberValues { get; init; }

    /// <summary>
    /// Entra's tolerance: add/replace through a value filter that matches nothing creates the
    /// element the filter describes (docs/idp-dialects.md §2.1, §2.8 item 5). Off, RFC 7644
    /// §3.5.2.3 applies: 400 noTarget.
    /// </summary>
    public bool UpsertThroughValueFilter { get; init; }

    /// <summary>The cap that applies to <paramref name="attributeName"/>, or null when it is uncapped.</summary>
    public int? MaxValuesOf(string attributeName) =>
        attributeName.Equals("members", StringComparison.OrdinalIgnoreCase) ? MaxMemberValues : MaxValuesPerAttribute;
}
