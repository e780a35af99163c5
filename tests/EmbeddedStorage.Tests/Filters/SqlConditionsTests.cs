using Identity.EmbeddedStorage.Filters;
using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Tests.Filters;

/// <summary>The NULL rule on a real SQLite table: a row whose column is NULL is kept by not(eq) and by ne, as the SCIM evaluator keeps it.</summary>
public sealed class SqlConditionsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqlConditionsTests()
    {
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE rows (id INTEGER PRIMARY KEY, external_id TEXT NULL);
            INSERT INTO rows VALUES (1, 'x'), (2, 'y'), (3, NULL);
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Not_OverAComparisonWithANullColumn_KeepsTheRow()
    {
        Assert.Equal([2L, 3L], Select(SqlConditions.Not("external_id = $p")));
    }

    [Fact]
    public void Not_OverAnOrWhoseBranchIsNull_KeepsTheRowWhereBothAreFalse()
    {
        // Row 3: NULL OR false is NULL in SQL, false for the evaluator, so not(...) is true.
        Assert.Equal([2L, 3L], Select(SqlConditions.Not("(external_id = $p OR id = 9)")));
    }

    [Fact]
    public void NotTwice_GivesBackTheOriginalRows()
    {
        Assert.Equal([1L], Select(SqlConditions.Not(SqlConditions.Not("external_id = $p"))));
    }

    [Fact]
    public void NotEqual_KeepsTheRowWithoutAValue()
    {
        Assert.Equal([2L, 3L], Select(SqlConditions.NotEqual("external_id", "$p")));
    }

    [Fact]
    public void BareNot_WouldDropTheRow_WhichIsWhyTheRuleExists()
    {
        Assert.Equal([2L], Select("NOT (external_id = $p)"));
    }

    public void Dispose() => _connection.Dispose();

    private List<long> Select(string where)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT id FROM rows WHERE {where} ORDER BY id";
        command.Parameters.AddWithValue("$p", "x");
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }
}
