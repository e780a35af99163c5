using Identity.ScimEdge.Bench;

// Two helpers for run.sh, which drives wrk: "plain" serves the comparison endpoint,
// "seed" fills a running DevHost with the users and the 100,000-member group.
return args switch
{
    ["plain", var port] => await PlainEndpoint.RunAsync(int.Parse(port)),
    ["seed", var scim, var groupRole, var tenant, var token, var outDir] =>
        await Seeder.RunAsync(new Uri(scim), new Uri(groupRole), tenant, token, outDir, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Identity.ScimEdge.Bench plain <port>
               Identity.ScimEdge.Bench seed <scimBaseUrl> <groupRoleGrpcUrl> <tenant> <token> <outDir>
        """);
    return 2;
}
