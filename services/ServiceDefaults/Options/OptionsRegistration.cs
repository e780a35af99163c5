using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Options;

/// <summary>One way to bind an options class: from its section, validated by data annotations when the host starts.</summary>
public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="T"/> from <paramref name="sectionName"/>, validated at start.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string sectionName)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
