using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Auditing;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;

namespace Identity.Directory.Grpc;

/// <summary>
/// Implements <c>identity.directory.v1.DirectoryService</c>: users here, tenants and tokens in
/// DirectoryGrpcService.Tenants.cs, audit and the change feed in DirectoryGrpcService.Events.cs.
/// </summary>
public sealed partial class DirectoryGrpcService(
    UserDirectory users, UserListing listing, TenantAccess tenancy, IEventLog events, ChangeNotifier notifier, TimeProvider time)
    : DirectoryService.DirectoryServiceBase
{
    public override async Task<CreateUserResponse> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        await RequireTenantAsync(request.TenantId, context.CancellationToken);
        var (user, adopted) = await users.CreateAsync(request.TenantId, request.ResourceJson, MutationOf(request.Context), request.AdoptJitMatch,
            context.CancellationToken);
        return new CreateUserResponse { User = user.ToContract(), Adopted = adopted };
    }

    public override async Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context) =>
        new() { User = (await users.GetAsync(request.TenantId, request.UserId, context.CancellationToken)).ToContract(request.View) };

    public override async Task<LookupUserResponse> LookupUser(LookupUserRequest request, ServerCallContext context)
    {
        var (key, value) = request.KeyCase switch
        {
            LookupUserRequest.KeyOneofCase.UserName => (UserKey.UserName, request.UserName),
            LookupUserRequest.KeyOneofCase.ExternalId => (UserKey.ExternalId, request.ExternalId),
            LookupUserRequest.KeyOneofCase.Email => (UserKey.Email, request.Email),
            _ => throw Errors.InvalidArgument("Set one of user_name, external_id or email."),
        };
        if (string.IsNullOrEmpty(value))
        {
            throw Errors.InvalidArgument("The lookup value is empty.");
        }
        return new LookupUserResponse { User = (await users.LookupAsync(request.TenantId, key, value, context.CancellationToken)).ToContract() };
    }

    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        var result = await listing.ListAsync(
            new ListRequest(request.TenantId, request.Filter, request.SortBy, request.SortOrder == SortOrder.Descending, request.StartIndex,
                request.Count, request.PageToken, request.IncludeDeleted, request.SkipTotal),
            context.CancellationToken);
        return new ListUsersResponse
        {
            Users = { result.Users.Select(u => u.ToContract()) },
            TotalResults = result.TotalResults,
            StartIndex = result.StartIndex,
            NextPageToken = result.NextPageToken,
        };
    }

    public override async Task<ReplaceUserResponse> ReplaceUser(ReplaceUserRequest request, ServerCallContext context)
    {
        var user = await users.ReplaceAsync(request.TenantId, request.UserId, request.ResourceJson, request.ExpectedVersion,
            MutationOf(request.Context), context.CancellationToken);
        return new ReplaceUserResponse { User = user.ToContract(request.View) };
    }

    public override async Task<DeleteUserResponse> DeleteUser(DeleteUserRequest request, ServerCallContext context) => new()
    {
        Version = await users.DeleteAsync(request.TenantId, request.UserId, request.ExpectedVersion, MutationOf(request.Context),
            context.CancellationToken),
    };

    public override async Task<JitUpsertUserResponse> JitUpsertUser(JitUpsertUserRequest request, ServerCallContext context)
    {
        await RequireTenantAsync(request.TenantId, context.CancellationToken);
        var profile = new JitProfile(request.UserName, request.Email, request.ExternalId, request.DisplayName, request.GivenName, request.FamilyName,
            EnumMapping.ToDomain(request.VerifiedIdentifiers));
        var (user, created) = await users.JitUpsertAsync(request.TenantId, profile, MutationOf(request.Context, "jit"), context.CancellationToken);
        return new JitUpsertUserResponse { User = user.ToContract(), Created = created };
    }

    private static Mutation MutationOf(MutationContext? context, string fallbackActor = "unknown") =>
        Mutation.Of(string.IsNullOrEmpty(context?.Actor) ? fallbackActor : context.Actor, context?.RequestId);

    private async Task RequireTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!await tenancy.Guard.ExistsAsync(tenantId, cancellationToken))
        {
            throw Errors.TenantNotFound(tenantId);
        }
    }
}
