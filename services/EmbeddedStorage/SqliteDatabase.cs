using System.Collections.Concurrent;
using System.Threading.Channels;
using Identity.EmbeddedStorage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Identity.EmbeddedStorage;

/// <summary>
/// One SQLite database file of a service's embedded store (Directory's, GroupRole's). WAL lets
/// readers run beside the single writer; writes are serialized in-process (<see cref="WriteAsync"/>),
/// so they queue instead of failing with SQLITE_BUSY (and commit in groups), and busy_timeout
/// covers other processes. A file database's writer checkpoints every 250 ms (<see cref="WalCheckpointer"/>).
/// The schema is brought up to date once, when the database is opened (<see cref="SqliteSchema"/>).
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private const int MaxBatch = 64;
    private const string Savepoint = "w";
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writerLoop;
    // The single writer keeps its connection: no pool round trip or pragmas per write.
    private SqliteConnection? _writer;
    private const int MaxIdleReaders = 8;
    private readonly ConcurrentBag<SqliteReader> _readers = [];
    private volatile bool _disposed;
    // An in-memory database lives only while a connection to it is open.
    private readonly SqliteConnection? _keepAlive;
    private readonly WalCheckpointer? _checkpointer;

    /// <summary>How often a file database's WAL is copied into it.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    private SqliteDatabase(string connectionString, SqliteConnection? keepAlive, WalCheckpointer? checkpointer, SqliteSchema schema, string source)
    {
        _connectionString = connectionString;
        _keepAlive = keepAlive;
        _checkpointer = checkpointer;
        _writerLoop = new Lazy<Task>(() => Task.Run(RunWriterAsync), LazyThreadSafetyMode.ExecutionAndPublication);
        try
        {
            using var connection = Connect();
            schema.Apply(connection, source);
        }
        catch
        {
            // A file this build cannot bring up to date is not opened: nothing of it stays open either.
            keepAlive?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="path"/>, or a private in-memory one
    /// for ":memory:", and runs the steps of <paramref name="schema"/> it has not run yet.
    /// </summary>
    public static SqliteDatabase Open(string path, SqliteSchema schema, ILogger? logger = null, TimeSpan? checkpointInterval = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
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
            return new SqliteDatabase(memory, keepAlive, checkpointer: null, schema, path);
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
        var checkpointer = new WalCheckpointer(checkpointInterval ?? CheckpointInterval, TimeProvider.System, logger ?? NullLogger.Instance);
        return new SqliteDatabase(file, keepAlive: null, checkpointer, schema, path);
    }

    /// <summary>
    /// An open connection from the pool for reading; dispose it when done. It runs no PRAGMAs:
    /// synchronous and foreign_keys only matter to the writer, and a reader that meets a lock is
    /// retried by Microsoft.Data.Sqlite until the command timeout, so a read costs no extra statements.
    /// </summary>
    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A read connection with its prepared statements; dispose it to give it back.</summary>
    public async Task<SqliteReader> RentReaderAsync(CancellationToken cancellationToken) =>
        _readers.TryTake(out var idle) ? idle : new SqliteReader(this, await ConnectAsync(cancellationToken));

    internal void Return(SqliteReader reader)
    {
        if (_disposed || _readers.Count >= MaxIdleReaders)
        {
            reader.Close();
            return;
        }
        _readers.Add(reader);
        if (_disposed && _readers.TryTake(out var late))
        {
            // Returned while the database was being disposed: close rather than leak.
            late.Close();
        }
    }

    private async Task<SqliteConnection> ConnectWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // temp_store=MEMORY keeps statement and savepoint journals in memory: on disk each is a temp
        // file created, written page by page and deleted per batch.
        pragma.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
            // The WalCheckpointer copies the WAL every 250 ms instead of in the commit that fills it.
            // A restarted WAL is cut back to 64 MiB, so a burst does not leave the file at its high-water mark.
            + (_checkpointer is null ? "" : " PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;");
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A synchronous connection, for the schema steps at open and for tools that seed a database.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> atomically, one writer at a time, and returns once it is committed.
    /// Writes that queue up while another commits are committed together (group commit): one that
    /// fails still fails alone (the batch is then run again with a savepoint per write), and the
    /// batch pays for one commit, whose WAL frames for the pages the writes share (the ordinal and
    /// event indexes, the newest table pages) are written once instead of once per write.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<T>(work, cancellationToken);
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(write), this);
        _ = _writerLoop.Value;
        return write.Task;
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Fail(new OperationCanceledException(next.CancellationToken));
                }
                else
                {
                    batch.Add(next);
                }
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
                if (_writer is not null)
                {
                    _checkpointer?.CheckpointIfDue(_writer);
                }
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        List<PendingWrite> done;
        try
        {
            var connection = _writer ??= await ConnectWriterAsync(CancellationToken.None).ConfigureAwait(false);
            done = await TryCommitTogetherAsync(connection, batch).ConfigureAwait(false)
                ?? await CommitIsolatedAsync(connection, batch).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nothing of this batch is committed: every write not already answered fails with the cause.
            foreach (var write in batch)
            {
                write.Fail(ex);
            }
            return;
        }
        foreach (var write in done)
        {
            write.Complete();
        }
    }

    /// <summary>
    /// Writes rarely fail, so a batch first runs straight through in one transaction: a savepoint
    /// per write costs two more statements and a copy of every page the write touches into the
    /// statement journal. Returns null, with everything rolled back, when a write of a larger batch
    /// fails; <see cref="CommitIsolatedAsync"/> then runs the batch again. A write's work must
    /// therefore give the same answer when run again from the same state (it reads and writes only
    /// through the connection it is handed).
    /// </summary>
    private static async Task<List<PendingWrite>?> TryCommitTogetherAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        try
        {
            foreach (var write in batch)
            {
                await write.RunAsync(connection, transaction).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (batch.Count > 1 && !IsFatal(ex))
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
            return null;
        }
        await transaction.CommitAsync().ConfigureAwait(false);
        return batch;
    }

    /// <summary>Runs each write of the batch in its own savepoint, so one that fails rolls back alone.</summary>
    private static async Task<List<PendingWrite>> CommitIsolatedAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        var done = new List<PendingWrite>(batch.Count);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        foreach (var write in batch)
        {
            transaction.Save(Savepoint);
            try
            {
                await write.RunAsync(connection, transaction).ConfigureAwait(false);
                transaction.Release(Savepoint);
                done.Add(write);
            }
            catch (Exception ex) when (!IsFatal(ex))
            {
                transaction.Rollback(Savepoint);
                transaction.Release(Savepoint);
                write.Fail(ex);
            }
        }
        if (done.Count > 0)
        {
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        return done;
    }

    // A failing disk fails the whole batch rather than each write in turn.
    private static bool IsFatal(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteIoError or SqliteFull };

    /// <summary>
    /// Deletes the database file at <paramref name="path"/> with its WAL and shared-memory files, after
    /// closing this process's pooled connections (which would keep them open); for tests and tools.
    /// </summary>
    public static void DeleteFiles(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_readers.TryTake(out var reader))
        {
            reader.Close();
        }
        _pending.Writer.TryComplete();
        if (_writerLoop.IsValueCreated)
        {
            // Queued writes finish (or fail) before the connection goes; bounded so shutdown cannot hang.
            _writerLoop.Value.Wait(TimeSpan.FromSeconds(10));
        }
        _writer?.Dispose();
        _keepAlive?.Dispose();
    }
}
