namespace Identity.DevHost;

internal static class DevHostBanner
{
    public static void Print(EmbeddedSuite suite)
    {
        Console.WriteLine($"""

            Identity suite is running (embedded stores in {Path.GetFullPath(suite.Options.DataDirectory)})

              SCIM base URL     {suite.ScimBaseUri}
              Tenant            {suite.BootstrapTenant}
              Bearer token      {suite.BootstrapToken}

              Directory gRPC    {suite.DirectoryUri}
              GroupRole gRPC    {suite.GroupRoleUri}
              Revocation gRPC   {suite.RevocationUri}
              Health            {suite.ScimManagementUri}health/ready

              Try: curl -H "Authorization: Bearer {suite.BootstrapToken}" {suite.ScimBaseUri}/ServiceProviderConfig
            Press Ctrl-C to stop.

            """);
    }
}
