using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Options;

/// <summary>Fails the options of one name unless their provider is one of the allowed values (see <see cref="StorageProviders"/>).</summary>
internal sealed class StorageProviderValidator<T>(string? name, Func<T, string?> provider, IReadOnlyList<string> allowed) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? optionsName, T options)
    {
        if (name is not null && !string.Equals(name, optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }
        var value = provider(options);
        if (allowed.Any(a => StorageProviders.Is(value, a)))
        {
            return ValidateOptionsResult.Success;
        }
        var shown = string.IsNullOrWhiteSpace(value) ? "empty" : $"'{value}'";
        return ValidateOptionsResult.Fail(
            $"{StorageProviders.ConfigurationKey} is {shown}, which names no store of this service; allowed values: {string.Join(", ", allowed)}.");
    }
}
