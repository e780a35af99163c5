using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Migrations;

/// <summary>
/// A database's schema as ordered, versioned steps. <see cref="SqliteDatabase.Open"/> runs, in one
/// transaction, the steps the file has not run yet and records the version reached in
/// <c>PRAGMA user_version</c>, so a step runs once per file and an up-to-date file runs none.
/// <para>
/// Version 1 of each service is the schema its code created before steps existed, written with
/// IF NOT EXISTS: files from then are at user_version 0 with every table present, and open as
/// version 1 unchanged. Later steps run exactly once and need not be idempotent.
/// </para>
/// </summary>
public sealed class SqliteSchema
{
    private readonly IReadOnlyList<SqliteMigration> _steps;

    /// <param name="name">What the database holds ("directory", "grouprole"), for error messages.</param>
    /// <param name="steps">Versions 1, 2, 3, ... in order, none missing.</param>
    public SqliteSchema(string name, IReadOnlyList<SqliteMigration> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A schema needs at least one step.", nameof(steps));
        }
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new ArgumentException($"Step {i + 1} of the {name} schema has version {steps[i].Version}; versions must be 1, 2, 3, ... in order.", nameof(steps));
            }
        }
        Name = name;
        _steps = steps;
    }

    public string Name { get; }

    /// <summary>The steps, version 1 first.</summary>
    public IReadOnlyList<SqliteMigration> Steps => _steps;

    /// <summary>The version a database has once every step ran.</summary>
    public int Version => _steps.Count;

    /// <summary>The version recorded in a database, 0 for a new file or one from before steps existed.</summary>
    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs the steps newer than the database's version; <paramref name="source"/> names the file in errors.</summary>
    internal void Apply(SqliteConnection connection, string source)
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE: a second process opening the same file waits here,
        // then reads the version this one reached and runs nothing twice.
        using var transaction = connection.BeginTransaction();
        var current = ReadVersion(connection, transaction);
        if (current > Version)
        {
            throw new InvalidOperationException(
                $"The {Name} database '{source}' is at schema version {current}, newer than this build's {Version}: run a build at least as new as the one that wrote it.");
        }
        if (current == Version)
        {
            return;
        }
        foreach (var step in _steps.Skip(current))
        {
            if (!string.IsNullOrWhiteSpace(step.Sql))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = step.Sql;
                command.ExecuteNonQuery();
            }
            step.Rewrite?.Invoke(connection, transaction);
        }
        using (var version = connection.CreateCommand())
        {
            version.Transaction = transaction;
            // PRAGMA takes no parameters; the value is an int this class produced.
            version.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {Version};");
            version.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
