using System.ComponentModel.DataAnnotations;

namespace Identity.Directory.Storage;

/// <summary>Where Directory keeps its data. Bound from <c>Storage</c> (<c>Storage__SqlitePath</c>).</summary>
public sealed class DirectoryStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>"Sqlite" (embedded default) or "Mongo".</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; ":memory:" keeps everything in memory for one process.</summary>
    [Required]
    public string SqlitePath { get; set; } = Path.Combine(".identity-data", "directory.db");

    /// <summary>MongoDB connection string (from a secret, never appsettings).</summary>
    public string? MongoConnectionString { get; set; }

    public string MongoDatabase { get; set; } = "identity_directory";
}
