using System.ComponentModel.DataAnnotations;
using Identity.ServiceDefaults.Options;

namespace Identity.GroupRole.Storage;

/// <summary>Where GroupRole keeps its data. Bound from <c>Storage</c> (<c>Storage__Provider</c>, <c>Storage__SqlitePath</c>, ...).</summary>
public sealed class GroupRoleStorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string MongoProvider = "Mongo";

    /// <summary>"Sqlite" (embedded default) or "Mongo"; anything else fails the start.</summary>
    [Required]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The SQLite file; ":memory:" keeps everything in memory for one process.</summary>
    [Required]
    public string SqlitePath { get; set; } = Path.Combine(".identity-data", "grouprole.db");

    /// <summary>MongoDB connection string (from a secret, never appsettings); required when Provider is Mongo.</summary>
    public string? MongoConnectionString { get; set; }

    [Required]
    public string MongoDatabase { get; set; } = "identity_grouprole";

    /// <summary>How long a cached effective-role answer may live; bounds staleness across replicas.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan EffectiveRolesCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsMongo => StorageProviders.Is(Provider, MongoProvider);
}
