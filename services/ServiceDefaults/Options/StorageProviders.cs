using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Options;

/// <summary>
/// The one switch that chooses a service's store, <c>Storage__Provider</c>, checked the same way in
/// every service that has one: names compare ignoring case, and any other value (a typo such as
/// "Sqlit") fails the host at start with a message naming the key and the allowed values, rather
/// than silently running on the embedded default.
/// </summary>
public static class StorageProviders
{
    /// <summary>The key as an operator sets it in the environment.</summary>
    public const string ConfigurationKey = "Storage__Provider";

    /// <summary>
    /// Refuses, when the host starts, a provider <paramref name="provider"/> reads from the options
    /// unless it is one of <paramref name="allowed"/> (the first being the default).
    /// Needs ValidateOnStart on <paramref name="options"/>, as AddValidatedOptions sets.
    /// </summary>
    public static OptionsBuilder<T> ValidateStorageProvider<T>(this OptionsBuilder<T> options, Func<T, string?> provider, params string[] allowed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Services.AddSingleton<IValidateOptions<T>>(new StorageProviderValidator<T>(options.Name, provider, allowed));
        return options;
    }

    /// <summary>True when the configured value names <paramref name="provider"/>.</summary>
    public static bool Is(string? configured, string provider) =>
        string.Equals(configured?.Trim(), provider, StringComparison.OrdinalIgnoreCase);
}
