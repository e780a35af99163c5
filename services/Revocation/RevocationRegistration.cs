namespace Identity.Revocation;

internal static class RevocationRegistration
{
    public static WebApplicationBuilder AddRevocation(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
