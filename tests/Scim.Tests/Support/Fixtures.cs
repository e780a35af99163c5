using System.Text.Json.Nodes;

namespace Identity.Scim.Tests.Support;

/// <summary>Resources from RFC 7643 §8 and typical IdP payloads.</summary>
internal static class Fixtures
{
    public const string BjensenId = "2819c223-7f76-453a-919d-413861904646";

    // RFC 7643 §8.3 (trimmed): enterprise user with emails, addresses, phones, manager.
    public static JsonObject User() => Json.Object("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "2819c223-7f76-453a-919d-413861904646",
          "externalId": "701984",
          "userName": "bjensen@example.com",
          "name": { "formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara" },
          "displayName": "Babs Jensen",
          "nickName": "Babs",
          "title": "Tour Guide",
          "userType": "Employee",
          "active": true,
          "password": "t1meMa$heen",
          "emails": [
            { "value": "bjensen@example.com", "type": "work", "primary": true },
            { "value": "babs@jensen.org", "type": "home" }
          ],
          "addresses": [
            { "type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood", "region": "CA", "postalCode": "91608", "country": "USA", "primary": true },
            { "type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood", "region": "CA", "postalCode": "91608", "country": "USA" }
          ],
          "phoneNumbers": [ { "value": "555-555-5555", "type": "work" }, { "value": "555-555-4444", "type": "mobile" } ],
          "groups": [ { "value": "e9e30dba-f08f-4109-8486-d5c6a331660a", "display": "Tour Guides" } ],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "701984",
            "costCenter": "4130",
            "department": "Tour Operations",
            "manager": { "value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith" }
          },
          "meta": {
            "resourceType": "User",
            "created": "2010-01-23T04:56:22Z",
            "lastModified": "2011-05-13T04:42:34Z",
            "version": "W/\"3694e05e9dff591\"",
            "location": "https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646"
          }
        }
        """);

    // RFC 7643 §8.4 group.
    public static JsonObject Group() => Json.Object("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
          "displayName": "Tour Guides",
          "members": [
            { "value": "2819c223-7f76-453a-919d-413861904646", "display": "Babs Jensen", "type": "User" },
            { "value": "902c246b-6245-4190-8e05-00816be7344a", "display": "Mandy Pepperidge", "type": "User" }
          ],
          "meta": { "resourceType": "Group", "version": "W/\"3694e05e9dff592\"" }
        }
        """);

    public static JsonObject PatchBody(params string[] operations) =>
        Json.Object($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(",", operations)}}]}""");
}
