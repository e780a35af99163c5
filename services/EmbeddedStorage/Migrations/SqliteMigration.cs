using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Migrations;

/// <summary>
/// One step of a database's schema: <see cref="Sql"/>, then <see cref="Rewrite"/> when given, turn a
/// database at version <c><see cref="Version"/> - 1</c> into one at <see cref="Version"/>. It runs
/// once per database file, inside the transaction that records the version.
/// </summary>
/// <param name="Rewrite">
/// Row rewrites SQL cannot say well (reshaping JSON with the service's own rules); it gets the
/// connection and the step's transaction and must run every command in that transaction.
/// </param>
public sealed record SqliteMigration(int Version, string Description, string Sql, Action<SqliteConnection, SqliteTransaction>? Rewrite = null);
