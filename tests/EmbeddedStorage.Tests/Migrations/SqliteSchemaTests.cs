using Identity.EmbeddedStorage.Migrations;
using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Tests.Migrations;

/// <summary>Schema steps run once per file, in order, at open; files from before steps existed open unchanged.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private const string Items = "CREATE TABLE IF NOT EXISTS items (x INTEGER PRIMARY KEY);";
    // Not idempotent on purpose: run twice, ADD COLUMN fails with "duplicate column name".
    private const string AddLabel = "ALTER TABLE items ADD COLUMN label TEXT NULL;";

    private static readonly SqliteSchema VersionOne = new("test", [new(1, "items", Items)]);
    private static readonly SqliteSchema VersionTwo = new("test", [new(1, "items", Items), new(2, "items.label", AddLabel)]);

    private readonly string _path = TestDatabase.NewPath("schema");

    [Fact]
    public void NewFile_RunsEveryStep_AndRecordsTheLastVersion()
    {
        using (SqliteDatabase.Open(_path, VersionTwo))
        {
        }

        Assert.Equal(2, ReadVersion());
        Assert.Equal(1, Execute("INSERT INTO items (x, label) VALUES (1, 'one')"));
    }

    [Fact]
    public void FileFromBeforeSteps_KeepsItsRows_AndRunsOnlyTheNewSteps()
    {
        // As the code before versioned steps left a file: its tables, its rows, user_version 0.
        Execute(Items);
        Execute("INSERT INTO items (x) VALUES (7)");
        Assert.Equal(0, ReadVersion());

        using (SqliteDatabase.Open(_path, VersionTwo))
        {
        }

        Assert.Equal(2, ReadVersion());
        Assert.Equal(1, Execute("UPDATE items SET label = 'seven' WHERE x = 7"));
    }

    [Fact]
    public void ReopenedAtItsVersion_RunsNoStepAgain()
    {
        using (SqliteDatabase.Open(_path, VersionTwo))
        {
        }

        // Step 2 would fail if it ran a second time.
        using (SqliteDatabase.Open(_path, VersionTwo))
        {
        }

        Assert.Equal(2, ReadVersion());
    }

    [Fact]
    public void OlderVersion_RunsTheStepsItMisses()
    {
        using (SqliteDatabase.Open(_path, VersionOne))
        {
        }
        Assert.Equal(1, ReadVersion());

        using (SqliteDatabase.Open(_path, VersionTwo))
        {
        }

        Assert.Equal(2, ReadVersion());
        Assert.Equal(1, Execute("INSERT INTO items (x, label) VALUES (1, 'one')"));
    }

    [Fact]
    public void FileNewerThanTheCode_IsRefusedNamingBothVersions()
    {
        using (SqliteDatabase.Open(_path, VersionTwo))
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Open(_path, VersionOne));

        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("this build's 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailingStep_LeavesTheFileAtItsVersion_WithNothingOfTheStep()
    {
        using (SqliteDatabase.Open(_path, VersionOne))
        {
        }
        var broken = new SqliteSchema("test", [new(1, "items", Items), new(2, "half done", "CREATE TABLE extra (y INTEGER); INSERT INTO missing VALUES (1);")]);

        Assert.Throws<SqliteException>(() => SqliteDatabase.Open(_path, broken));

        Assert.Equal(1, ReadVersion());
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'"));
    }

    [Fact]
    public void InMemoryDatabase_RunsTheSteps()
    {
        using var database = SqliteDatabase.Open(":memory:", VersionTwo);
        using var connection = database.Connect();

        Assert.Equal(2, SqliteSchema.ReadVersion(connection));
    }

    [Fact]
    public void StepsOutOfOrder_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteSchema("test", [new(1, "a", Items), new(3, "c", AddLabel)]));

        Assert.Contains("versions must be 1, 2, 3", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => TestDatabase.DeleteFiles(_path);

    private int ReadVersion()
    {
        using var connection = Connect();
        return SqliteSchema.ReadVersion(connection);
    }

    private int Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
