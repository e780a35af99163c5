using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// One SQLite database file shared by Directory's embedded stores. WAL lets readers run
/// beside the single writer; writes are serialized in-process (<see cref="WriteAsync"/>), so
/// they queue instead of failing with SQLITE_BUSY, and busy_timeout covers other processes.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    // The single writer keeps its connection: no pool round trip or pragmas per write.
    private SqliteConnection? _writer;
    // An in-memory database lives only while a connection to it is open.
    private readonly SqliteConnection? _keepAlive;

    private SqliteDatabase(string connectionString, SqliteConnection? keepAlive)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
        using var connection = Connect();
        SqliteSchema.Create(connection);
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>, or a private in-memory one for ":memory:".</summary>
    public static SqliteDatabase Open(string path)
    {
        if (path == ":memory:")
        {
            var memory = new SqliteConnectionStringBuilder
            {
                DataSource = $"identity-{Guid.NewGuid():N}",
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
            var keepAlive = new SqliteConnection(memory);
            keepAlive.Open();
            return new SqliteDatabase(memory, keepAlive);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }
        var file = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using (var connection = new SqliteConnection(file))
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            pragma.ExecuteNonQuery();
        }
        return new SqliteDatabase(file, keepAlive: null);
    }

    /// <summary>
    /// An open connection from the pool for reading; dispose it when done. It runs no PRAGMAs:
    /// synchronous and foreign_keys only matter to the writer, and a reader that meets a lock is
    /// retried by Microsoft.Data.Sqlite until the command timeout, so each read saves three
    /// statements that used to cost as much as the read itself.
    /// </summary>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<SqliteConnection> ConnectWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A synchronous connection for schema creation at start.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, one writer at a time, and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = _writer ??= await ConnectWriterAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _keepAlive?.Dispose();
        _writeLock.Dispose();
    }
}
