using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage;

/// <summary>
/// One connection's commands, prepared once per SQL text and reused. Microsoft.Data.Sqlite prepares
/// a new command's statements on every execution, and parsing and planning cost more SQLite CPU
/// than running the statements of a create. Used by one caller at a time (the writer under its
/// loop, a rented <see cref="SqliteReader"/>); the commands it hands out must not be disposed.
/// </summary>
internal sealed class PreparedCommands(SqliteConnection connection) : IDisposable
{
    // The few hot shapes stay; a flood of ad-hoc statements cannot grow it.
    private const int MaxStatements = 32;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, without parameters.</summary>
    public SqliteCommand For(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxStatements)
            {
                Dispose();
            }
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }
}
