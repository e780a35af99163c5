using MongoDB.Bson;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage.Mongo;

/// <summary>
/// Runs a group mutation and its audit record as one write. Transactions need a replica set
/// or mongos (production runs a replica set); on a standalone server, as in some test setups,
/// the same steps run in one session without a transaction, and audit could then be lost if
/// the process dies between the two writes.
/// </summary>
public sealed class MongoTransactions(IMongoClient client, IMongoDatabase database)
{
    private bool? _supported;

    public async Task<T> RunAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
        if (await SupportedAsync(cancellationToken))
        {
            return await session.WithTransactionAsync((s, ct) => work(s, ct), cancellationToken: cancellationToken);
        }
        return await work(session, cancellationToken);
    }

    private async Task<bool> SupportedAsync(CancellationToken cancellationToken)
    {
        if (_supported is { } known)
        {
            return known;
        }
        var hello = await database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken);
        _supported = hello.Contains("setName") || hello.GetValue("msg", "").ToString() == "isdbgrid";
        return _supported.Value;
    }
}
