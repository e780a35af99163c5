namespace Identity.ScimEdge.IdpProfiles;

/// <summary>
/// What the edge knows about one identity provider's SCIM client: the tolerances it needs and the
/// attribute it matches existing users on (named in the guides and the provisioning log; matching
/// itself is the IdP's filter query, which every profile answers the same way).
/// </summary>
/// <param name="Name">entra, okta, google, onelogin, jumpcloud, ping or generic.</param>
/// <param name="MatchingAttribute">The attribute the IdP looks users up by before creating them.</param>
/// <param name="LenientAttributes">Drop unknown attributes instead of answering 400 invalidValue.</param>
/// <param name="UpsertThroughValueFilter">
/// PATCH add/replace through a value filter that matches nothing creates the element (Entra,
/// docs/idp-dialects.md §2.1); every other client gets RFC 7644 §3.5.2.3's 400 noTarget.
/// </param>
public sealed record IdpProfile(string Name, string MatchingAttribute, bool LenientAttributes, bool UpsertThroughValueFilter = false);
