using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Tests.Storage;
using Identity.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Identity.Directory.Tests.Grpc;

/// <summary>
/// Directory as the last line of defence for callers that reach it over gRPC directly: a
/// password in resource_json is never stored, snapshotted, audited or answered, and ListUsers
/// refuses to filter or sort on it.
/// </summary>
public sealed class PasswordGrpcTests : IAsyncLifetime
{
    private const string Secret = "Sekr3t-Grpc";
    private DirectoryTestHost? _host;

    private DirectoryService.DirectoryServiceClient Client => _host!.Client;

    public async Task InitializeAsync() => _host = await DirectoryTestHost.StartAsync("password");

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    private Task<string> TenantAsync() => _host!.CreateTenantAsync();

    [Fact]
    public async Task CreateAndReplaceWithPassword_NeitherStoredNorSnapshottedNorAnswered()
    {
        var tenant = await TenantAsync();
        var context = new MutationContext { Actor = "token:direct", RequestId = "r1" };

        var created = (await Client.CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant,
            ResourceJson = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"gia@example.com","password":"{{Secret}}-1","PASSWORD":"{{Secret}}-2"}""",
            Context = context,
        }).ResponseAsync.WithTimeout()).User;
        var replaced = (await Client.ReplaceUserAsync(new ReplaceUserRequest
        {
            TenantId = tenant,
            UserId = created.Id,
            ResourceJson = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"gia@example.com","urn:ietf:params:scim:schemas:core:2.0:User:password":"{{Secret}}-3"}""",
            Context = context,
        }).ResponseAsync.WithTimeout()).User;
        var read = (await Client.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = created.Id }).ResponseAsync.WithTimeout()).User;
        var audit = await Client.ListAuditEventsAsync(new ListAuditEventsRequest { TenantId = tenant }).ResponseAsync.WithTimeout();

        Assert.Equal(2, replaced.Version);
        Assert.All([created.ResourceJson, replaced.ResourceJson, read.ResourceJson, audit.ToString()],
            text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
        Assert.Contains("gia@example.com", read.ResourceJson, StringComparison.Ordinal);
        var rows = StoredRows();
        Assert.Equal(3, rows.Count); // the user and two event snapshots
        Assert.All(rows, row => Assert.DoesNotContain("assword", row, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("userName eq \"bob\" and password sw \"S\"", "")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:password pr", "")]
    [InlineData("emails[value pr] or Password eq \"x\"", "")]
    [InlineData("", "password")]
    [InlineData("", "urn:ietf:params:scim:schemas:core:2.0:User:Password")]
    public async Task ListUsers_FilterOrSortOnPassword_IsInvalidFilter(string filter, string sortBy)
    {
        var tenant = await TenantAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListUsersAsync(
            new ListUsersRequest { TenantId = tenant, Filter = filter, SortBy = sortBy }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(nameof(ErrorReason.InvalidFilter), ReasonOf(error));
    }

    private static string? ReasonOf(RpcException ex) => ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    private List<string> StoredRows()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _host!.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT resource_json FROM users UNION ALL SELECT CAST(user_json AS TEXT) FROM events WHERE user_json IS NOT NULL";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
