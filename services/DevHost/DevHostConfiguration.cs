namespace Identity.DevHost;

/// <summary>Reads <see cref="DevHostOptions"/> from appsettings, <c>DevHost__*</c>, the IDENTITY_* variables and the command line.</summary>
internal static class DevHostConfiguration
{
    public static DevHostOptions Load(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = configuration.GetSection(DevHostOptions.SectionName).Get<DevHostOptions>() ?? new DevHostOptions();
        options.DataDirectory = Environment.GetEnvironmentVariable("IDENTITY_DATA_DIR") is { Length: > 0 } data ? data : options.DataDirectory;
        options.BootstrapTenant = Environment.GetEnvironmentVariable("IDENTITY_BOOTSTRAP_TENANT") is { Length: > 0 } tenant ? tenant : options.BootstrapTenant;
        options.BootstrapToken = Environment.GetEnvironmentVariable("IDENTITY_BOOTSTRAP_TOKEN") is { Length: > 0 } token ? token : options.BootstrapToken;
        options.Redis = Environment.GetEnvironmentVariable("IDENTITY_REDIS") is { Length: > 0 } redis ? redis : options.Redis;
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
        {
            throw new InvalidOperationException("Invalid DevHost settings: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
        return options;
    }
}
