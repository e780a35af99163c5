using System.Text.Json.Nodes;
using Identity.Directory.Users;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// One listing in creation order. When the filter pushes down exactly, SQL pages and counts;
/// otherwise SQL narrows, the SCIM core's evaluator decides each row, and paging happens here.
/// </summary>
internal sealed class SqliteUserQuery(SqliteDatabase database, UserQuery query)
{
    public async Task<UserPage> RunAsync(CancellationToken cancellationToken)
    {
        var filter = SqliteUserFilterTranslator.Translate(query.Filter);
        await using var connection = await database.ConnectAsync(cancellationToken);
        return filter.Exact
            ? await PushedDownAsync(connection, filter, cancellationToken)
            : await EvaluatedAsync(connection, filter, cancellationToken);
    }

    private async Task<UserPage> PushedDownAsync(SqliteConnection connection, SqlFilter filter, CancellationToken cancellationToken)
    {
        int? total = null;
        if (query.CountTotal)
        {
            await using var count = Command(connection, filter, "SELECT COUNT(*) FROM users u", afterOrdinal: 0);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var select = Command(connection, filter, SqliteUserReader.Select, query.AfterOrdinal);
        // "+u.ord" keeps SQLite from walking the ordinal index when an equality on a key finds the few rows faster.
        select.CommandText += filter.Selective ? " ORDER BY +u.ord LIMIT $limit OFFSET $offset" : " ORDER BY u.ord LIMIT $limit OFFSET $offset";
        select.Parameters.AddWithValue("$limit", query.Limit);
        select.Parameters.AddWithValue("$offset", query.Offset);
        return new UserPage(await SqliteUserReader.ReadAllAsync(select, cancellationToken), total);
    }

    private async Task<UserPage> EvaluatedAsync(SqliteConnection connection, SqlFilter filter, CancellationToken cancellationToken)
    {
        var matches = new FilterEvaluator(SchemaRegistry.Default.Users).Compile(query.Filter!);
        var start = query.CountTotal ? 0 : query.AfterOrdinal;
        await using var select = Command(connection, filter, SqliteUserReader.Select, start);
        select.CommandText += filter.Selective ? " ORDER BY +u.ord" : " ORDER BY u.ord";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var page = new List<StoredUser>();
        var total = 0;
        var skipped = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JsonNode.Parse(reader.GetString(7)) is not JsonObject resource || !matches(resource))
            {
                continue;
            }
            total++;
            if (reader.GetInt64(2) <= query.AfterOrdinal || page.Count >= query.Limit)
            {
                continue;
            }
            if (skipped < query.Offset)
            {
                skipped++;
                continue;
            }
            page.Add(SqliteUserReader.Read(reader));
            if (!query.CountTotal && page.Count >= query.Limit)
            {
                break;
            }
        }
        return new UserPage(page, query.CountTotal ? total : null);
    }

    private SqliteCommand Command(SqliteConnection connection, SqlFilter filter, string head, long afterOrdinal)
    {
        var command = connection.CreateCommand();
        // A key equality finds its few rows by its own index; "+" stops SQLite from preferring the ordinal range instead.
        var where = filter.Selective ? "u.tenant_id = $tenant AND +u.ord > $after" : "u.tenant_id = $tenant AND u.ord > $after";
        if (!query.IncludeDeleted)
        {
            where += " AND u.deleted IS NULL";
        }
        if (filter.Where is not null)
        {
            where += " AND " + filter.Where;
        }
        command.CommandText = $"{head} WHERE {where}";
        command.Parameters.AddWithValue("$tenant", query.TenantId);
        command.Parameters.AddWithValue("$after", afterOrdinal);
        foreach (var (name, value) in filter.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
