using Microsoft.Data.Sqlite;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>
/// The one SQLite file GroupRole keeps its embedded data in. WAL lets readers run beside the
/// writer; writes from this process queue on a semaphore rather than on busy_timeout, whose
/// sleep-and-retry adds milliseconds under contention (busy_timeout still covers other processes).
/// Automatic checkpoints are off so no request pays for one: <see cref="SqliteCheckpointer"/>
/// checkpoints in the background, and the next write copies what was appended meanwhile.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    // An in-memory database lives only while a connection to it is open.
    private readonly SqliteConnection? _keepAlive;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _catchUpDue;

    private SqliteDatabase(string connectionString, SqliteConnection? keepAlive)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>, or a private in-memory one for ":memory:".</summary>
    public static SqliteDatabase Open(string path)
    {
        if (path == ":memory:")
        {
            var memory = new SqliteConnectionStringBuilder
            {
                DataSource = $"identity-grouprole-{Guid.NewGuid():N}",
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
            var keepAlive = new SqliteConnection(memory);
            keepAlive.Open();
            return new SqliteDatabase(memory, keepAlive);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
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

    /// <summary>An open connection with a busy timeout; dispose it when done.</summary>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await ConnectAsync(cancellationToken);
            T result;
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
            {
                result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            CatchUp(connection);
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Copies committed WAL pages into the database without waiting for readers; returns the WAL size in pages.</summary>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pages = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(1) ? reader.GetInt64(1) : 0;
        Volatile.Write(ref _catchUpDue, 1);
        return pages;
    }

    /// <summary>
    /// After a background pass, the writer (still holding the write lock, outside its transaction)
    /// copies the frames appended during that pass. The WAL only starts over when a write finds it
    /// fully copied, which a pass running beside a stream of writes never leaves behind: without
    /// this, the WAL of a busy GroupRole grows without bound.
    /// </summary>
    private void CatchUp(SqliteConnection connection)
    {
        if (Interlocked.Exchange(ref _catchUpDue, 0) == 0)
        {
            return;
        }
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The write is committed; a failed catch-up only delays the WAL's restart to a later one.
            Volatile.Write(ref _catchUpDue, 1);
        }
    }

    /// <summary>A synchronous connection for schema creation at start.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        _keepAlive?.Dispose();
        _writer.Dispose();
    }
}
