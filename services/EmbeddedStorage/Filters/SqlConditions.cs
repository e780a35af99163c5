namespace Identity.EmbeddedStorage.Filters;

/// <summary>
/// The one rule for NULL in SCIM filters translated to SQL. SQL compares NULL to anything as
/// NULL ("unknown"), while the SCIM filter evaluator treats an absent attribute as simply not
/// matching (RFC 7643 §2.5: null and unassigned are the same). A translated condition may
/// therefore be NULL only where the evaluator says false; where an operator turns false into
/// true, the NULL must be made false first, or the row without the attribute is dropped.
/// </summary>
public static class SqlConditions
{
    /// <summary>
    /// SCIM <c>not</c>: a NULL operand is false before it is negated, so <c>not (externalId eq "x")</c>
    /// keeps the rows without externalId, as the evaluator does. The operand itself is left bare so
    /// its comparisons can still use indexes.
    /// </summary>
    public static string Not(string condition) => $"NOT IFNULL({condition}, 0)";

    /// <summary>SCIM <c>ne</c>: an absent value differs from every value, so its row matches.</summary>
    public static string NotEqual(string column, string parameter) => $"({column} IS NULL OR {column} <> {parameter})";
}
