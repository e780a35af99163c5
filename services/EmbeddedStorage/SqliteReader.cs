using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage;

/// <summary>
/// A pooled read connection that keeps its statements prepared (<see cref="PreparedCommands"/>), for
/// the reads every write causes (a create's adoption lookup, the change feed, reads by id). Rented
/// from <see cref="SqliteDatabase.RentReaderAsync"/>, one caller at a time; disposing returns it.
/// Its commands must not be disposed, and their data readers must be.
/// </summary>
public sealed class SqliteReader : IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly PreparedCommands _commands;

    internal SqliteReader(SqliteDatabase database, SqliteConnection connection)
    {
        _database = database;
        Connection = connection;
        _commands = new PreparedCommands(connection);
    }

    internal SqliteConnection Connection { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, without parameters.</summary>
    public SqliteCommand Command(string sql) => _commands.For(sql);

    public ValueTask DisposeAsync()
    {
        _database.Return(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        _commands.Dispose();
        Connection.Dispose();
    }
}
