using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Tests;

/// <summary>Pooled read connections keep their prepared statements between uses, and close with the database.</summary>
public sealed class SqliteReaderPoolTests
{
    [Fact]
    public async Task RentedAgain_GivesTheSamePreparedCommandWithoutTheOldParameters()
    {
        using var database = SqliteDatabase.Open(":memory:", TestDatabase.Schema);
        SqliteCommand first;
        await using (var reader = await database.RentReaderAsync(CancellationToken.None))
        {
            first = reader.Command("SELECT $x");
            first.Parameters.AddWithValue("$x", 7);
            Assert.Equal(7L, await first.ExecuteScalarAsync());
        }

        await using var again = await database.RentReaderAsync(CancellationToken.None);
        var second = again.Command("SELECT $x");

        Assert.Same(first, second);
        Assert.Empty(second.Parameters);
    }

    [Fact]
    public async Task DatabaseDisposed_ClosesIdleAndLateReturnedReaders()
    {
        var database = SqliteDatabase.Open(":memory:", TestDatabase.Schema);
        var idle = await database.RentReaderAsync(CancellationToken.None);
        var late = await database.RentReaderAsync(CancellationToken.None);
        await idle.DisposeAsync();

        database.Dispose();
        await late.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, idle.Connection.State);
        Assert.Equal(System.Data.ConnectionState.Closed, late.Connection.State);
    }
}
