using Google.Protobuf.Reflection;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;

namespace Identity.Contracts.Tests;

/// <summary>The conventions of docs/architecture.md, "Contracts", checked on the generated descriptors so a new RPC cannot skip them.</summary>
public sealed class ContractConventionsTests
{
    // AuthenticateToken is how the edge learns the tenant from a bearer secret: it cannot name one.
    // Authentication finds the tenant from the token; ListTenants is the one listing across tenants (what Revocation rebuilds from).
    private static readonly HashSet<string> TenantlessRequests = ["identity.directory.v1.AuthenticateTokenRequest", "identity.directory.v1.ListTenantsRequest"];

    public static TheoryData<string> Services() => new()
    {
        DirectoryService.Descriptor.FullName,
        GroupRoleService.Descriptor.FullName,
        RevocationService.Descriptor.FullName,
    };

    private static ServiceDescriptor Find(string fullName) =>
        new[] { DirectoryService.Descriptor, GroupRoleService.Descriptor, RevocationService.Descriptor }.Single(s => s.FullName == fullName);

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryRequest_FirstField_IsTenantId(string service)
    {
        var offenders = Find(service).Methods
            .Select(m => m.InputType)
            .Where(t => !TenantlessRequests.Contains(t.FullName))
            .Where(t => t.Fields.InFieldNumberOrder().FirstOrDefault() is not { Name: "tenant_id", FieldNumber: 1 })
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryMethod_OwnsItsRequestAndResponse(string service)
    {
        var methods = Find(service).Methods;

        var shared = methods.Where(m => m.InputType.Name != m.Name + "Request").Select(m => m.Name).ToList();
        var sharedResponses = methods
            .Where(m => !m.IsServerStreaming && m.OutputType.Name != m.Name + "Response")
            .Select(m => m.Name)
            .ToList();

        Assert.Empty(shared);
        Assert.Empty(sharedResponses);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryEnum_ZeroValue_IsPrefixedUnspecified(string service)
    {
        var file = Find(service).File;
        var enums = AllFiles(file).SelectMany(f => f.EnumTypes.Concat(f.MessageTypes.SelectMany(m => m.EnumTypes)));

        var offenders = enums
            .Where(e => e.Values.Single(v => v.Number == 0).Name != ToUpperSnake(e.Name) + "_UNSPECIFIED"
                        || e.Values.Any(v => !v.Name.StartsWith(ToUpperSnake(e.Name) + "_", StringComparison.Ordinal)))
            .Select(e => e.FullName)
            .ToList();

        Assert.NotEmpty(AllFiles(file).SelectMany(f => f.EnumTypes));
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryFile_PackageMatchesFolder(string service)
    {
        var offenders = AllFiles(Find(service).File)
            .Where(f => f.Package.StartsWith("identity.", StringComparison.Ordinal))
            .Where(f => System.IO.Path.GetDirectoryName(f.Name)!.Replace('/', '.') != f.Package)
            .Select(f => f.Name)
            .ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void TimeFields_UseTimestamp(string service)
    {
        string[] timeNames = ["created", "last_modified", "expires", "expires_at", "issued_at", "time", "watermark", "revoked", "deleted", "valid_until"];
        var offenders = AllFiles(Find(service).File)
            .SelectMany(f => f.MessageTypes)
            .SelectMany(m => m.Fields.InDeclarationOrder())
            // A bool named "created" or "revoked" is a flag ("was it created"), not a time.
            .Where(f => timeNames.Contains(f.Name) && f.FieldType != FieldType.Bool)
            .Where(f => f.FieldType != FieldType.Message || f.MessageType.FullName != "google.protobuf.Timestamp")
            .Select(f => f.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<FileDescriptor> AllFiles(FileDescriptor root)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<FileDescriptor>([root]);
        while (stack.Count > 0)
        {
            var file = stack.Pop();
            if (!seen.Add(file.Name))
            {
                continue;
            }
            yield return file;
            foreach (var dependency in file.Dependencies)
            {
                stack.Push(dependency);
            }
        }
    }

    private static string ToUpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
