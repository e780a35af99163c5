using Identity.ScimEdge.Auth;
using Identity.ScimEdge.Downstream;

namespace Identity.ScimEdge;

internal static class ScimEdgeRegistration
{
    public static WebApplicationBuilder AddScimEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddDownstreamClients();
        builder.Services.AddSingleton<BearerTokenAuthenticator>();
        builder.Services.AddScoped<ScimAuthFilter>();
        return builder;
    }
}
