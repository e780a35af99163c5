using System.ComponentModel.DataAnnotations;

namespace Identity.Directory.Users;

/// <summary>
/// How long a create identical to one that already succeeded is answered as that create was, instead of
/// 409 <c>uniqueness</c>. Bound from <c>Scim</c> in Directory's configuration
/// (<c>Scim__IdempotentCreateWindow</c>, a TimeSpan such as <c>00:05:00</c>; zero turns it off).
/// </summary>
public sealed class RepeatedCreateOptions
{
    public const string SectionName = "Scim";

    /// <summary>
    /// Long enough to cover an IdP's retry after a lost answer (Entra and Okta retry within seconds to
    /// minutes, docs/idp-dialects.md §2.7), short enough that an old user is not silently "recreated".
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IdempotentCreateWindow { get; set; } = TimeSpan.FromMinutes(5);
}
