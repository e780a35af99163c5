using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage;

/// <summary>A write waiting for <see cref="SqliteDatabase"/>'s writer: the work, and the caller's answer once committed.</summary>
internal abstract class PendingWrite(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>The batch committed: answer with what the work returned.</summary>
    public abstract void Complete();

    /// <summary>The work or its batch failed; a write already answered keeps its answer.</summary>
    public abstract void Fail(Exception exception);
}

internal sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    : PendingWrite(cancellationToken)
{
    // Continuations run elsewhere, never on the writer loop that completes them.
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _answer.Task;

    public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        _result = await work(connection, transaction).ConfigureAwait(false);

    public override void Complete() => _answer.TrySetResult(_result!);

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
        {
            _answer.TrySetCanceled(CancellationToken);
        }
        else
        {
            _answer.TrySetException(exception);
        }
    }
}
