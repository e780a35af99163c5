namespace Identity.ScimEdge.ReadCache;

/// <summary>userName is case-insensitive (RFC 7643 §4.1.1): keys compare the way Directory's stores do.</summary>
internal static class UserNameKeys
{
    public static string Of(string userName) => userName.ToLowerInvariant();
}
