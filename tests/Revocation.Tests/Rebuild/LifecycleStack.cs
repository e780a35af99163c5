using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;
using Identity.Directory;
using Identity.GroupRole;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.Revocation.Tests.Rebuild;

/// <summary>
/// The real Directory and GroupRole on private SQLite files and a real Revocation (in-process store,
/// or Redis when given a server) that rebuilds from that Directory and reconciles GroupRole, all on
/// loopback. Revocation can be restarted (a new process's state) while the others keep theirs.
/// </summary>
internal sealed class LifecycleStack : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "identity-revoc-stack-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly RedisServer? _redis;
    private readonly IDictionary<string, string?> _extra;
    private LoopbackService _directory = null!;
    private LoopbackService _groupRole = null!;

    private LifecycleStack(RedisServer? redis, IDictionary<string, string?>? extra)
    {
        _redis = redis;
        _extra = extra ?? new Dictionary<string, string?>();
    }

    public LoopbackService Revocation { get; private set; } = null!;

    public DirectoryService.DirectoryServiceClient Directory => new(_directory.Channel);

    public GroupRoleService.GroupRoleServiceClient GroupRole => new(_groupRole.Channel);

    public RevocationService.RevocationServiceClient RevocationClient => Revocation.Client();

    public static async Task<LifecycleStack> StartAsync(RedisServer? redis = null, IDictionary<string, string?>? revocationSettings = null)
    {
        var stack = new LifecycleStack(redis, revocationSettings);
        System.IO.Directory.CreateDirectory(stack._folder);
        stack._directory = await LoopbackService.StartAsync(DirectoryApp.Create([], b => b.Configuration.AddInMemoryCollection(Sqlite(stack._folder, "directory.db"))));
        stack._groupRole = await LoopbackService.StartAsync(GroupRoleApp.Create([], b => b.Configuration.AddInMemoryCollection(Sqlite(stack._folder, "grouprole.db"))));
        await stack.StartRevocationAsync();
        return stack;
    }

    /// <summary>Stops Revocation and starts a new one on the same settings: an in-process store starts empty.</summary>
    public async Task RestartRevocationAsync()
    {
        await Revocation.DisposeAsync();
        await StartRevocationAsync();
    }

    public async Task<string> TenantAsync()
    {
        var tenant = TestTenant.New();
        await Directory.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        return tenant;
    }

    public async Task<User> CreateUserAsync(string tenant, string userName, bool active = true) =>
        (await Directory.CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant,
            ResourceJson = UserJson(userName, active),
        }).ResponseAsync.WithTimeout()).User;

    /// <summary>Writes the user in Directory only, as a half-done request would have left it.</summary>
    public async Task<User> SetActiveAsync(string tenant, User user, bool active) =>
        (await Directory.ReplaceUserAsync(new ReplaceUserRequest
        {
            TenantId = tenant,
            UserId = user.Id,
            ResourceJson = UserJson(user.UserName, active),
        }).ResponseAsync.WithTimeout()).User;

    public async Task DeleteUserAsync(string tenant, User user) =>
        await Directory.DeleteUserAsync(new DeleteUserRequest { TenantId = tenant, UserId = user.Id }).ResponseAsync.WithTimeout();

    public async ValueTask DisposeAsync()
    {
        await Revocation.DisposeAsync();
        await _groupRole.DisposeAsync();
        await _directory.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp data left behind is harmless.
        }
    }

    private static string UserJson(string userName, bool active) =>
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","active":{{(active ? "true" : "false")}}}""";

    private static Dictionary<string, string?> Sqlite(string folder, string file) => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = Path.Combine(folder, file),
    };

    private async Task StartRevocationAsync()
    {
        var settings = _redis is null ? new Dictionary<string, string?>() : RevocationHost.Redis(_redis.ConnectionString);
        settings["Downstream:Directory"] = _directory.MainUri.ToString();
        settings["Downstream:GroupRole"] = _groupRole.MainUri.ToString();
        // Passes run when a test asks for one, so each test sees exactly the repairs it caused.
        settings["Reconciler:Enabled"] = "false";
        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }
        Revocation = await RevocationHost.StartAsync(settings);
    }
}
