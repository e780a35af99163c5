using System.ComponentModel.DataAnnotations;
using Identity.ServiceDefaults.Options;

namespace Identity.Directory.Storage;

/// <summary>Where Directory keeps its data. Bound from <c>Storage</c> (<c>Storage__Provider</c>, <c>Storage__SqlitePath</c>, ...).</summary>
public sealed class DirectoryStorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string MongoProvider = "Mongo";

    /// <summary>"Sqlite" (embedded default) or "Mongo"; anything else fails the start.</summary>
    [Required]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The SQLite file; ":memory:" keeps everything in memory for one process.</summary>
    [Required]
    public string SqlitePath { get; set; } = Path.Combine(".identity-data", "directory.db");

    /// <summary>MongoDB connection string (from a secret, never appsettings); required when Provider is Mongo.</summary>
    public string? MongoConnectionString { get; set; }

    public string MongoDatabase { get; set; } = "identity_directory";

    public bool IsMongo => StorageProviders.Is(Provider, MongoProvider);
}
