using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// Commands of the single writer, prepared once per SQL text and reused for every write.
/// Microsoft.Data.Sqlite prepares a new command's statements on each execution, and on the create
/// path that preparation cost about as much as running the statements, inside the writer's lock.
/// Only for the writer connection: its commands run one at a time, under that lock.
/// </summary>
internal static class SqliteWriterCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Caches = [];

    /// <summary>The command for <paramref name="sql"/> on this connection, bound to <paramref name="transaction"/>, without parameters. Do not dispose it.</summary>
    public static SqliteCommand For(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var cache = Caches.GetValue(connection, static _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!cache.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            cache[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }
}
