using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// A pooled read connection that keeps its statements prepared, for the reads every write causes
/// (a create's adoption lookup, the change feed): preparing them cost more SQLite CPU than running
/// them. Rented from <see cref="SqliteDatabase.RentReaderAsync"/>, one caller at a time; disposing
/// returns it. Its commands must not be disposed, and their data readers must be.
/// </summary>
public sealed class SqliteReader : IAsyncDisposable
{
    // Statements kept per connection; the few hot shapes stay, a flood of ad-hoc ones cannot grow it.
    private const int MaxStatements = 32;

    private readonly SqliteDatabase _database;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteReader(SqliteDatabase database, SqliteConnection connection)
    {
        _database = database;
        Connection = connection;
    }

    internal SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, without parameters.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxStatements)
            {
                foreach (var old in _commands.Values)
                {
                    old.Dispose();
                }
                _commands.Clear();
            }
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public ValueTask DisposeAsync()
    {
        _database.Return(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        Connection.Dispose();
    }
}
