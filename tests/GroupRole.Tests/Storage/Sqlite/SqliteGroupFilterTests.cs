using Identity.GroupRole.Domain.Filtering;
using Identity.GroupRole.Storage.Sqlite;

namespace Identity.GroupRole.Tests.Storage.Sqlite;

public sealed class SqliteGroupFilterTests
{
    [Fact]
    public void Render_Not_TreatsANullColumnAsFalseBeforeNegating()
    {
        var query = GroupQueryParser.Parse("not (externalId eq \"x\" and displayName eq \"Ops\")", null, false, 0, 10);

        var (sql, parameters) = SqliteGroupFilter.Render(query.Filter!);

        Assert.Equal("NOT IFNULL((g.external_id = $f0 AND g.display_name_key = $f1), 0)", sql);
        Assert.Equal(["x", "OPS"], parameters.Select(p => p.Value));
    }

    [Fact]
    public void Render_DisplayNameEqOrMemberValue_BindsUppercasedNameAndExistsOnPrimaryKey()
    {
        var query = GroupQueryParser.Parse("displayName eq \"Ops\" or members[value eq \"u1\"]", null, false, 0, 10);

        var (sql, parameters) = SqliteGroupFilter.Render(query.Filter!);

        Assert.Equal("(g.display_name_key = $f0 OR EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id AND (m.member_id = $f1)))", sql);
        Assert.Equal(["OPS", "u1"], parameters.Select(p => p.Value));
    }

    [Fact]
    public void Render_ExternalIdStartsWith_ComparesCaseExactly()
    {
        var query = GroupQueryParser.Parse("externalId sw \"Ab\"", null, false, 0, 10);

        var (sql, parameters) = SqliteGroupFilter.Render(query.Filter!);

        Assert.Equal("substr(g.external_id, 1, length($f0)) = $f0", sql);
        Assert.Equal(["Ab"], parameters.Select(p => p.Value));
    }
}
