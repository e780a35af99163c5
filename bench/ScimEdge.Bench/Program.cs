using Identity.ScimEdge.Bench;

// Two helpers for run.sh, which drives wrk: "plain" serves the comparison endpoint,
// "seed" fills a running DevHost with the users and the 100,000-member group; "hops" times
// the downstream gRPC calls alone.
return args switch
{
    ["plain", var port] => await PlainEndpoint.RunAsync(int.Parse(port)),
    ["seed", var scim, var groupRole, var tenant, var token, var outDir] =>
        await Seeder.RunAsync(new Uri(scim), new Uri(groupRole), tenant, token, outDir, CancellationToken.None),
    ["hops", var directory, var groupRole, var tenant, var userId, var userName] =>
        await HopProbe.RunAsync(new Uri(directory), new Uri(groupRole), tenant, userId, userName, 1000, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Identity.ScimEdge.Bench plain <port>
               Identity.ScimEdge.Bench seed <scimBaseUrl> <groupRoleGrpcUrl> <tenant> <token> <outDir>
               Identity.ScimEdge.Bench hops <directoryGrpcUrl> <groupRoleGrpcUrl> <tenant> <userId> <userName>
        """);
    return 2;
}
