using System.Net;
using Google.Rpc;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Tests.Storage;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.Directory.Tests.Grpc;

/// <summary>The real Directory on 127.0.0.1:0 with a private SQLite file, called with the generated client.</summary>
public sealed class DirectoryGrpcServiceTests : IAsyncLifetime
{
    private DirectoryTestHost? _host;

    private DirectoryService.DirectoryServiceClient Client => _host!.Client;

    public async Task InitializeAsync() => _host = await DirectoryTestHost.StartAsync("grpc");

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    private Task<string> TenantAsync() => _host!.CreateTenantAsync();

    private async Task<User> CreateUserAsync(string tenant, string userName) =>
        (await Client.CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant,
            ResourceJson = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","name":{"givenName":"G"},"roles":[{"value":"admin"}]}""",
            Context = new MutationContext { Actor = "token:t1", RequestId = "req-7" },
        }).ResponseAsync.WithTimeout()).User;

    private static string? ReasonOf(RpcException ex) => ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    [Fact]
    public async Task CreateUser_ThenGet_ReturnsDerivedFieldsAndResource()
    {
        var tenant = await TenantAsync();

        var created = await CreateUserAsync(tenant, "ann@example.com");

        var read = (await Client.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = created.Id }).ResponseAsync.WithTimeout()).User;
        Assert.Equal(("ann@example.com", 1L, true, UserOrigin.Scim, "G"), (read.UserName, read.Version, read.Active, read.Origin, read.Name.GivenName));
        Assert.Equal(["admin"], read.Roles);
        Assert.Contains("\"meta\"", read.ResourceJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_NameAndRolesSpelledInAnyCase_AreCopiedToTheContract()
    {
        var tenant = await TenantAsync();

        var created = (await Client.CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant,
            ResourceJson = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"cy@example.com",
                 "NAME":{"GivenName":"Cy","familyName":5,"middleName":"M"},
                 "Roles":[{"VALUE":"auditor"},"not-an-object",{"value":""},{"value":"admin"}]}
                """,
            Context = new MutationContext { Actor = "token:t1" },
        }).ResponseAsync.WithTimeout()).User;

        Assert.Equal(("Cy", "", "M", ""), (created.Name.GivenName, created.Name.FamilyName, created.Name.MiddleName, created.Name.Formatted));
        Assert.Equal(["auditor", "admin"], created.Roles);
    }

    [Fact]
    public async Task CreateUser_UnknownTenant_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CreateUserAsync(TestTenant.New(), "x"));

        Assert.Equal((StatusCode.NotFound, nameof(ErrorReason.NotFound)), (error.StatusCode, ReasonOf(error)));
    }

    [Fact]
    public async Task CreateUser_DuplicateUserName_IsAlreadyExistsWithUniqueness()
    {
        var tenant = await TenantAsync();
        await CreateUserAsync(tenant, "Bea");

        var error = await Assert.ThrowsAsync<RpcException>(() => CreateUserAsync(tenant, "bea"));

        Assert.Equal((StatusCode.AlreadyExists, nameof(ErrorReason.Uniqueness)), (error.StatusCode, ReasonOf(error)));
    }

    [Fact]
    public async Task ReplaceUser_StaleVersion_IsAbortedWithVersionMismatch()
    {
        var tenant = await TenantAsync();
        var user = await CreateUserAsync(tenant, "cid");

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReplaceUserAsync(new ReplaceUserRequest
        {
            TenantId = tenant, UserId = user.Id, ExpectedVersion = 9, ResourceJson = """{"userName":"cid"}""",
        }).ResponseAsync.WithTimeout());

        Assert.Equal((StatusCode.Aborted, nameof(ErrorReason.VersionMismatch)), (error.StatusCode, ReasonOf(error)));
    }

    [Fact]
    public async Task ListUsers_MalformedFilter_IsInvalidArgumentWithTheParsersDetail()
    {
        var tenant = await TenantAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListUsersAsync(new ListUsersRequest { TenantId = tenant, Filter = "userName eq" }).ResponseAsync.WithTimeout());

        Assert.Equal((StatusCode.InvalidArgument, nameof(ErrorReason.InvalidFilter)), (error.StatusCode, ReasonOf(error)));
        Assert.StartsWith("The filter", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name..givenName")]
    [InlineData("urn:")]
    [InlineData("userName.")]
    [InlineData("x")]
    public async Task ListUsers_MalformedSortBy_IsInvalidArgumentNotInternal(string sortBy)
    {
        var tenant = await TenantAsync();
        var text = sortBy == "x" ? new string('x', 5000) : sortBy;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListUsersAsync(new ListUsersRequest { TenantId = tenant, SortBy = text }).ResponseAsync.WithTimeout());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("sort_by", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsers_PageTokens_WalkTheTenant()
    {
        var tenant = await TenantAsync();
        foreach (var name in new[] { "d1", "d2", "d3" })
        {
            await CreateUserAsync(tenant, name);
        }

        var first = await Client.ListUsersAsync(new ListUsersRequest { TenantId = tenant, Count = 2 }).ResponseAsync.WithTimeout();
        var second = await Client.ListUsersAsync(new ListUsersRequest { TenantId = tenant, Count = 2, PageToken = first.NextPageToken }).ResponseAsync.WithTimeout();

        Assert.Equal(["d1", "d2", "d3"], first.Users.Concat(second.Users).Select(u => u.UserName));
        Assert.Equal((3, ""), (first.TotalResults, second.NextPageToken));
    }

    [Fact]
    public async Task LookupUser_ByUserNameInOtherCase_FindsTheUser()
    {
        var tenant = await TenantAsync();
        var user = await CreateUserAsync(tenant, "Eve@Example.com");

        var found = await Client.LookupUserAsync(new LookupUserRequest { TenantId = tenant, UserName = "eve@example.COM" }).ResponseAsync.WithTimeout();

        Assert.Equal(user.Id, found.User.Id);
    }

    [Fact]
    public async Task DeleteUser_ThenGet_IsNotFound()
    {
        var tenant = await TenantAsync();
        var user = await CreateUserAsync(tenant, "fay");

        var deleted = await Client.DeleteUserAsync(new DeleteUserRequest { TenantId = tenant, UserId = user.Id }).ResponseAsync.WithTimeout();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetUserAsync(new GetUserRequest { TenantId = tenant, UserId = user.Id }).ResponseAsync);
        Assert.Equal((1L, StatusCode.NotFound), (deleted.Version, error.StatusCode));
    }

    [Fact]
    public async Task JitUpsertUser_ThenCreateWithAdopt_AdoptsTheSameId()
    {
        var tenant = await TenantAsync();
        var jit = await Client.JitUpsertUserAsync(new JitUpsertUserRequest { TenantId = tenant, UserName = "gus", Email = "gus@example.com", VerifiedIdentifiers = { JitIdentifier.Email } })
            .ResponseAsync.WithTimeout();

        var adopted = await Client.CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant, AdoptJitMatch = true, ResourceJson = """{"userName":"gus.idp","emails":[{"value":"GUS@example.com","primary":true}]}""",
        }).ResponseAsync.WithTimeout();

        Assert.Equal((true, jit.User.Id, true, true), (jit.Created, adopted.User.Id, adopted.Adopted, adopted.User.IdpManaged));
    }

    [Fact]
    public async Task WatchUsers_FromBeginning_ReplaysThenFollowsLiveChanges()
    {
        var tenant = await TenantAsync();
        var user = await CreateUserAsync(tenant, "hal");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = Client.WatchUsers(new WatchUsersRequest { TenantId = tenant, FromBeginning = true }, cancellationToken: cancel.Token);

        Assert.True(await call.ResponseStream.MoveNext(cancel.Token).WithTimeout());
        var replayed = call.ResponseStream.Current;
        await Client.ReplaceUserAsync(new ReplaceUserRequest { TenantId = tenant, UserId = user.Id, ResourceJson = """{"userName":"hal","active":false}""" })
            .ResponseAsync.WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cancel.Token).WithTimeout());
        var live = call.ResponseStream.Current;

        Assert.Equal((UserChangeType.Created, "hal"), (replayed.Type, replayed.User.UserName));
        Assert.Equal((UserChangeType.Deactivated, 2L), (live.Type, live.Version));
        Assert.True(long.Parse(live.Position, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(replayed.Position, System.Globalization.CultureInfo.InvariantCulture));
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task WatchUsers_AnnouncingCaughtUp_SendsTheMarkerAfterTheReplayAndBeforeLiveChanges()
    {
        var tenant = await TenantAsync();
        var user = await CreateUserAsync(tenant, "hank");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = Client.WatchUsers(new WatchUsersRequest { TenantId = tenant, FromBeginning = true, AnnounceCaughtUp = true }, cancellationToken: cancel.Token);

        var types = new List<UserChangeType>();
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(cancel.Token).WithTimeout());
            types.Add(call.ResponseStream.Current.Type);
        }
        var caughtUp = call.ResponseStream.Current;
        await Client.ReplaceUserAsync(new ReplaceUserRequest { TenantId = tenant, UserId = user.Id, ResourceJson = """{"userName":"hank2"}""" })
            .ResponseAsync.WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(cancel.Token).WithTimeout());
        types.Add(call.ResponseStream.Current.Type);

        Assert.Equal([UserChangeType.Created, UserChangeType.CaughtUp, UserChangeType.Updated], types);
        Assert.Equal(("", 0L), (caughtUp.UserId, caughtUp.Version));
        Assert.True(long.Parse(call.ResponseStream.Current.Position, System.Globalization.CultureInfo.InvariantCulture)
            > long.Parse(caughtUp.Position, System.Globalization.CultureInfo.InvariantCulture));
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task ListAuditEvents_AfterChanges_PagesThroughTheTrail()
    {
        var tenant = await TenantAsync();
        var user = await CreateUserAsync(tenant, "ida");
        await Client.DeleteUserAsync(new DeleteUserRequest { TenantId = tenant, UserId = user.Id }).ResponseAsync.WithTimeout();

        var first = await Client.ListAuditEventsAsync(new ListAuditEventsRequest { TenantId = tenant, PageSize = 2 }).ResponseAsync.WithTimeout();
        var rest = await Client.ListAuditEventsAsync(new ListAuditEventsRequest { TenantId = tenant, PageSize = 2, PageToken = first.NextPageToken })
            .ResponseAsync.WithTimeout();

        Assert.Equal([AuditAction.TenantCreated, AuditAction.UserCreated, AuditAction.UserDeleted], first.Events.Concat(rest.Events).Select(e => e.Action));
        Assert.Equal(("token:t1", "req-7"), (first.Events[1].Actor, first.Events[1].RequestId));
    }

    [Fact]
    public async Task TokenLifecycle_IssueRotateRevoke_AuthenticatesAccordingly()
    {
        var tenant = await TenantAsync();
        var issued = await Client.IssueTokenAsync(new IssueTokenRequest { TenantId = tenant, Description = "okta" }).ResponseAsync.WithTimeout();

        var rotated = await Client.RotateTokenAsync(new RotateTokenRequest { TenantId = tenant, TokenId = issued.Token.TokenId, OverlapSeconds = 60 })
            .ResponseAsync.WithTimeout();
        var oldStillWorks = await Client.AuthenticateTokenAsync(new AuthenticateTokenRequest { Secret = issued.Secret }).ResponseAsync.WithTimeout();
        await Client.RevokeTokenAsync(new RevokeTokenRequest { TenantId = tenant, TokenId = rotated.NewToken.TokenId }).ResponseAsync.WithTimeout();
        var revoked = await Assert.ThrowsAsync<RpcException>(() =>
            Client.AuthenticateTokenAsync(new AuthenticateTokenRequest { Secret = rotated.Secret }).ResponseAsync.WithTimeout());

        Assert.Equal((tenant, issued.Token.TokenId), (oldStillWorks.TenantId, oldStillWorks.TokenId));
        Assert.Equal((StatusCode.Unauthenticated, nameof(ErrorReason.TokenInvalid)), (revoked.StatusCode, ReasonOf(revoked)));
    }

    [Fact]
    public async Task ReadinessProbe_WithSqlite_IsHealthy()
    {
        var response = await _host!.ManagementClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
