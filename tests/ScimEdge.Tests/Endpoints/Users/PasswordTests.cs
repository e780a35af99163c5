using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.ScimEdge.Tests.Endpoints.Users;

/// <summary>
/// A password an IdP sends is accepted and forgotten: POST, PUT, PATCH and Bulk succeed, and the
/// value reaches neither Directory's RPCs, its SQLite rows and event snapshots, nor any answer.
/// Filters and sorts on password are refused before Directory is asked.
/// </summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class PasswordTests(EdgeSuiteFixture fixture)
{
    private const string Secret = "Sekr3t-Pa55";
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/scim+json");

    [Fact]
    public async Task PasswordOnEveryWritePath_IsAcceptedButNeverForwardedStoredOrAnswered()
    {
        await using var suite = await CountingSuite.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(60));
        var (_, _, token) = await suite.Edge.Admin.CreateTenantWithTokenAsync();
        var answers = new List<string>();

        using var created = await suite.Edge.Admin.ScimAsync(token, HttpMethod.Post, "/scim/v2/Users",
            Json("{" + UserSchema + $$""","userName":"pia@example.com","password":"{{Secret}}-post"}"""));
        answers.Add(await created.Content.ReadAsStringAsync().WithTimeout());
        var id = JsonNode.Parse(answers[^1])!["id"]!.GetValue<string>();
        using var replaced = await suite.Edge.Admin.ScimAsync(token, HttpMethod.Put, $"/scim/v2/Users/{id}",
            Json("{" + UserSchema + $$""","userName":"pia@example.com","displayName":"Pia","Password":"{{Secret}}-put"}"""));
        answers.Add(await replaced.Content.ReadAsStringAsync().WithTimeout());
        using var patched = await suite.Edge.Admin.ScimAsync(token, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            Json($$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"password","value":"{{{Secret}}}-patch"},{"op":"replace","value":{"password":"{{{Secret}}}-patch2","title":"Ops"}}]}"""));
        answers.Add(await patched.Content.ReadAsStringAsync().WithTimeout());
        using var bulk = await suite.Edge.Admin.ScimAsync(token, HttpMethod.Post, "/scim/v2/Bulk",
            Json($$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","path":"/Users","bulkId":"b","data":{{{"{" + UserSchema}}},"userName":"bo@example.com","password":"{{{Secret}}}-bulk"}}]}"""));
        answers.Add(await bulk.Content.ReadAsStringAsync().WithTimeout());
        using var read = await suite.Edge.Admin.ScimAsync(token, HttpMethod.Get, $"/scim/v2/Users/{id}?attributes=password,userName");
        answers.Add(await read.Content.ReadAsStringAsync().WithTimeout());

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            [created.StatusCode, replaced.StatusCode, patched.StatusCode, bulk.StatusCode, read.StatusCode]);
        Assert.Contains("\"201\"", answers[3], StringComparison.Ordinal);
        Assert.Equal("Ops", JsonNode.Parse(answers[2])!["title"]!.GetValue<string>());
        Assert.All(answers, a => Assert.DoesNotContain(Secret, a, StringComparison.Ordinal));
        Assert.Contains(suite.Log.Calls, c => c == "CreateUser");
        Assert.All(suite.Log.Requests, r => Assert.DoesNotContain(Secret, r, StringComparison.Ordinal));
        var (users, snapshots) = StoredText(suite.DirectoryDatabasePath);
        Assert.Equal(2, users.Count);
        Assert.True(snapshots.Count >= 4, $"one snapshot per write, got {snapshots.Count}");
        Assert.All(users.Concat(snapshots), row => Assert.DoesNotContain("assword", row, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("filter=userName%20eq%20%22bob%22%20and%20password%20sw%20%22S%22")]
    [InlineData("filter=urn%3Aietf%3Aparams%3Ascim%3Aschemas%3Acore%3A2.0%3AUser%3Apassword%20pr")]
    [InlineData("filter=not%20(PASSWORD%20eq%20%22x%22)")]
    [InlineData("sortBy=password")]
    public async Task FilterOrSortOnPassword_Is400InvalidFilter_BeforeDirectoryIsAsked(string query)
    {
        await using var suite = await CountingSuite.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(60));
        var (_, _, token) = await suite.Edge.Admin.CreateTenantWithTokenAsync();
        suite.Log.Clear();

        using var response = await suite.Edge.Admin.ScimAsync(token, HttpMethod.Get, "/scim/v2/Users?" + query);

        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidFilter", error["scimType"]!.GetValue<string>());
        Assert.DoesNotContain("ListUsers", suite.Log.Calls);
    }

    [Fact]
    public async Task SearchOnPassword_Is400InvalidFilter()
    {
        var (_, _, token) = await fixture.Admin.CreateTenantWithTokenAsync();

        using var response = await fixture.Admin.ScimAsync(token, HttpMethod.Post, "/scim/v2/Users/.search",
            Json("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"password ew \"5\""}"""));

        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidFilter", error["scimType"]!.GetValue<string>());
    }

    /// <summary>The users' resource_json and the events' user_json as text, read from the file itself.</summary>
    private static (List<string> Users, List<string> Snapshots) StoredText(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return (Column(connection, "SELECT resource_json FROM users"),
            Column(connection, "SELECT CAST(user_json AS TEXT) FROM events WHERE user_json IS NOT NULL"));
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
