using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage;

/// <summary>
/// The single writer's <see cref="PreparedCommands"/>, found from the connection the write work
/// is handed. Only for the writer connection: its commands run one at a time, under its loop.
/// </summary>
public static class SqliteWriterCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, PreparedCommands> Caches = [];

    /// <summary>The command for <paramref name="sql"/> on this connection, bound to <paramref name="transaction"/>, without parameters. Do not dispose it.</summary>
    public static SqliteCommand For(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = Caches.GetValue(connection, static c => new PreparedCommands(c)).For(sql);
        command.Transaction = transaction;
        return command;
    }
}
