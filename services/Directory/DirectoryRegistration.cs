using Identity.Directory.Auditing;
using Identity.Directory.Grpc;
using Identity.Directory.Storage;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Identity.Directory;

internal static class DirectoryRegistration
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options => options.Interceptors.Add<ErrorInterceptor>());
        builder.Services.AddSingleton<ErrorInterceptor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChangeNotifier>();
        builder.Services.AddValidatedOptions<RepeatedCreateOptions>(RepeatedCreateOptions.SectionName);
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<UserListing>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<TenantGuard>();
        builder.Services.AddSingleton<TenantAccess>();

        builder.Services.AddDirectoryStorage();
        return builder;
    }
}
