namespace Identity.ScimEdge.Bench;

/// <summary>
/// A real GET /Users/{id} answer of the DevHost for a seeded user (captured by the seed step, which
/// writes a fresh one to user.json each run; run.sh prints both sizes so a drift shows).
/// </summary>
internal static class CapturedUser
{
    public const string Json = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"seed.user.00000@example.com","externalId":"seed-0","name":{"givenName":"Bench","familyName":"User"},"displayName":"Bench User","emails":[{"value":"seed.user.00000@example.com","type":"work","primary":true}],"active":true,"id":"01a22303-9dae-707e-8e67-bd66891cb529","meta":{"resourceType":"User","created":"2026-11-28T16:36:09.2626546Z","lastModified":"2026-11-28T16:36:09.2626546Z","version":"W/\"1\"","location":"http://127.0.0.1:60737/scim/v2/Users/01a22303-9dae-707e-8e67-bd66891cb529"}}
        """;
}
