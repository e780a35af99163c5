using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Revocation.Tests.Reconciliation;

/// <summary>
/// A FAKE of the Directory service: a real gRPC server on loopback whose ListUsers answers from a
/// fixed list (filter "active eq false" and include_deleted honoured, two users a page so paging
/// is exercised). Stands in for Directory only until Directory's user store lands on main.
/// </summary>
public sealed class FakeDirectoryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDirectoryServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<FakeDirectoryServer> StartAsync(IReadOnlyList<User> users)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.WebHost.UseSetting("urls", string.Empty);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new FakeDirectoryService(users));
        var app = builder.Build();
        app.MapGrpcService<FakeDirectoryService>();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeDirectoryServer(app, new Uri(address));
    }

    public static User Inactive(string tenant, string id, bool deleted = false) => new()
    {
        TenantId = tenant, Id = id, UserName = id, Active = false, Deleted = deleted ? Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) : null,
    };

    public static User Active(string tenant, string id) => new() { TenantId = tenant, Id = id, UserName = id, Active = true };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class FakeDirectoryService(IReadOnlyList<User> users) : DirectoryService.DirectoryServiceBase
    {
        private const int PageSize = 2;

        public override Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
        {
            var matching = users
                .Where(u => u.TenantId == request.TenantId)
                .Where(u => request.IncludeDeleted || u.Deleted is null)
                .Where(u => request.Filter != "active eq false" || !u.Active)
                .ToList();
            var offset = request.PageToken.Length > 0 ? int.Parse(request.PageToken, CultureInfo.InvariantCulture) : 0;
            var page = matching.Skip(offset).Take(Math.Min(PageSize, request.Count)).ToList();
            var next = offset + page.Count;
            return Task.FromResult(new ListUsersResponse
            {
                Users = { page },
                NextPageToken = next < matching.Count ? next.ToString(CultureInfo.InvariantCulture) : string.Empty,
            });
        }
    }
}
