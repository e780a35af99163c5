using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Foundation;

[Collection(SuiteCollection.Name)]
public sealed class ServiceHealthTests(SuiteFixture fixture)
{
    public static TheoryData<string, string> GrpcServices() => new()
    {
        { "directory", "identity.directory.v1.DirectoryService" },
        { "grouprole", "identity.grouprole.v1.GroupRoleService" },
        { "revocation", "identity.revocation.v1.RevocationService" },
    };

    private Uri UriOf(string service) => service switch
    {
        "directory" => fixture.Suite.DirectoryUri,
        "grouprole" => fixture.Suite.GroupRoleUri,
        _ => fixture.Suite.RevocationUri,
    };

    [Theory]
    [MemberData(nameof(GrpcServices))]
    public async Task GrpcHealth_EachService_Serving(string service, string grpcService)
    {
        using var channel = GrpcChannel.ForAddress(UriOf(service));
        var health = new Health.HealthClient(channel);

        var overall = await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        Assert.False(string.IsNullOrEmpty(grpcService));
    }

    [Theory]
    [MemberData(nameof(GrpcServices))]
    public async Task Reflection_EachService_ListsItsContract(string service, string grpcService)
    {
        using var channel = GrpcChannel.ForAddress(UriOf(service));
        var reflection = new ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).WithTimeout();
        await call.RequestStream.CompleteAsync().WithTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(grpcService, names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task ScimEdge_ReadyProbe_Answers200OnManagementPort()
    {
        using var client = new HttpClient { BaseAddress = fixture.Suite.ScimManagementUri };

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
