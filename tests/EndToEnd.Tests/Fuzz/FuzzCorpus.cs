namespace Identity.EndToEnd.Tests.Fuzz;

/// <summary>
/// Valid SCIM requests the fuzzer starts from: every body kind the edge parses (create, replace,
/// PATCH of users and groups, Bulk, .search) and the list queries. {user} and {group} are the
/// fuzz targets' ids, {n} a fresh number so creates get past uniqueness.
/// </summary>
internal static class FuzzCorpus
{
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"]";
    private const string GroupSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";
    private const string PatchSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    private const string User = "{" + UserSchema + """
        ,"userName":"fuzz{n}@example.com","externalId":"ext-{n}","active":true,"displayName":"Fuzz {n}",
        "name":{"givenName":"Fu","familyName":"Zz","formatted":"Fu Zz"},
        "emails":[{"value":"fuzz{n}@example.com","type":"work","primary":true},{"value":"home{n}@example.org","type":"home"}],
        "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],"addresses":[{"type":"work","locality":"Oslo","country":"NO"}],
        "roles":[],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{n}","department":"R&D","manager":{"value":"{user}"}}}
        """;

    public static readonly (string Method, string Path, string? Body)[] Requests =
    [
        ("POST", "/Users", User),
        ("PUT", "/Users/{user}", User.Replace("fuzz{n}@", "target@", StringComparison.Ordinal)),
        ("POST", "/Groups", "{" + GroupSchema + ",\"displayName\":\"Fuzz group {n}\",\"externalId\":\"g-{n}\",\"members\":[{\"value\":\"{user}\"}]}"),
        ("PUT", "/Groups/{group}", "{" + GroupSchema + ",\"displayName\":\"Fuzz target group\",\"members\":[{\"value\":\"{user}\",\"display\":\"t\"}]}"),
        ("PATCH", "/Users/{user}", "{" + PatchSchema + """
            ,"Operations":[{"op":"Replace","path":"emails[type eq \"work\"].value","value":"w{n}@example.com"},
            {"op":"add","path":"name.givenName","value":"G"},{"op":"replace","value":{"displayName":"D","active":false,"name.familyName":"F",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Ops"}},{"op":"remove","path":"phoneNumbers[type eq \"work\"]"},
            {"op":"add","path":"emails","value":[{"value":"x{n}@example.com","type":"other"}]},{"op":"replace","path":"active","value":"True"}]}
            """),
        ("PATCH", "/Users/{user}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"a@b.c\"},{\"value\":\"d@e.f\",\"primary\":true}]},{\"op\":\"remove\",\"path\":\"emails[value eq \\\"a@b.c\\\"]\"}]}"),
        ("PATCH", "/Groups/{group}", "{" + PatchSchema + """
            ,"Operations":[{"op":"add","path":"members","value":[{"value":"{user}"}]},{"op":"Remove","path":"members","value":[{"value":"{user}"}]},
            {"op":"remove","path":"members[value eq \"{user}\"]"},{"op":"replace","path":"displayName","value":"Renamed {n}"},
            {"op":"replace","value":{"id":"{group}","displayName":"Entra {n}"}}]}
            """),
        ("POST", "/Bulk", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":3,"Operations":[
            {"method":"POST","path":"/Users","bulkId":"u{n}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk{n}@example.com"}},
            {"method":"POST","path":"/Groups","bulkId":"g{n}","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk {n}","members":[{"value":"bulkId:u{n}"}]}},
            {"method":"PATCH","path":"/Users/bulkId:u{n}","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}},
            {"method":"PUT","path":"/Groups/{group}","version":"W/\"1\"","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk target"}},
            {"method":"DELETE","path":"/Users/bulkId:u{n}"}]}
            """),
        ("POST", "/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName sw \"fuzz\" and active eq true","sortBy":"name.familyName","sortOrder":"descending","startIndex":1,"count":5,"attributes":["userName","emails"],"excludedAttributes":[]}"""),
        ("POST", "/Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"emails[type eq \"work\" and value co \"@\"]","sortBy":"userName","count":3}"""),
        ("POST", "/Groups/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName pr","excludedAttributes":["members"]}"""),
        ("GET", "/Users?filter=userName%20eq%20%22fuzz1%40example.com%22&sortBy=meta.lastModified&sortOrder=ascending&startIndex=2&count=10&attributes=userName,name.givenName", null),
        ("GET", "/Users?filter=urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Aextension%3Aenterprise%3A2.0%3AUser%3Adepartment%20eq%20%22R%26D%22&excludedAttributes=emails", null),
        ("GET", "/Groups?filter=members%5Bvalue%20eq%20%22{user}%22%5D&count=5&sortBy=displayName", null),
        ("GET", "/Users/{user}?attributes=emails%5Btype%20eq%20%22work%22%5D.value", null),
        ("GET", "/Groups/{group}?excludedAttributes=members", null),
        ("GET", "/Schemas", null),
        ("GET", "/ResourceTypes/User", null),
        ("GET", "/ServiceProviderConfig", null),
        ("DELETE", "/Users/{user}-not-there", null),
    ];
}
