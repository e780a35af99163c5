using Identity.Directory.Storage.Mongo;
using Identity.Scim.Filters;
using MongoDB.Bson;

namespace Identity.Directory.Tests.Storage;

/// <summary>The SCIM filter → MongoDB query translation, checked on the BSON it builds (no server needed).</summary>
public sealed class MongoUserFilterTranslatorTests
{
    private static MongoFilter Translate(string filter) => MongoUserFilterTranslator.Translate(ScimFilter.Parse(filter));

    [Theory]
    // userName: case-insensitive string, on the lower-cased field.
    [InlineData("userName eq \"Alice@Example.COM\"", "{ unl: 'alice@example.com' }")]
    [InlineData("USERNAME Eq \"Bob\"", "{ unl: 'bob' }")]
    [InlineData("userName ne \"Bob\"", "{ unl: { $ne: 'bob' } }")]
    [InlineData("userName co \"Li.C\"", "{ unl: /li\\.c/ }")]
    [InlineData("userName sw \"AL\"", "{ unl: /^al/ }")]
    [InlineData("userName ew \"@X.org\"", "{ unl: /@x\\.org\\z/ }")]
    [InlineData("userName pr", "{ }")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"A\"", "{ unl: 'a' }")]
    // externalId and id: caseExact strings.
    [InlineData("externalId eq \"Ext-1\"", "{ extl: 'ext-1', ext: 'Ext-1' }")]
    [InlineData("externalId ne \"Ext-1\"", "{ ext: { $ne: 'Ext-1' } }")]
    [InlineData("externalId sw \"E\"", "{ ext: /^E/ }")]
    [InlineData("externalId pr", "{ ext: { $type: 'string' } }")]
    [InlineData("id eq \"u-1\"", "{ id: 'u-1' }")]
    [InlineData("id ne \"u-1\"", "{ id: { $ne: 'u-1' } }")]
    // active: boolean.
    [InlineData("active eq true", "{ active: true }")]
    [InlineData("active eq false", "{ active: false }")]
    [InlineData("active ne true", "{ active: { $ne: true } }")]
    // emails: multi-valued complex, value sub-attribute lower-cased.
    [InlineData("emails eq \"A@X.com\"", "{ em: 'a@x.com' }")]
    [InlineData("emails.value eq \"A@X.com\"", "{ em: 'a@x.com' }")]
    [InlineData("emails.value ne \"A@X.com\"", "{ em: { $ne: 'a@x.com' } }")]
    [InlineData("emails co \"@X\"", "{ em: /@x/ }")]
    [InlineData("emails[value sw \"A\"]", "{ em: /^a/ }")]
    [InlineData("emails pr", "{ 'em.0': { $exists: true } }")]
    // meta times: dateTime, normalized to fixed-width UTC text.
    [InlineData("meta.lastModified gt \"2026-01-15T10:00:00+01:00\"", "{ lm: { $gt: '2026-01-15T09:00:00.0000000Z' } }")]
    [InlineData("meta.lastModified ge \"2026-01-15T09:00:00Z\"", "{ lm: { $gte: '2026-01-15T09:00:00.0000000Z' } }")]
    [InlineData("meta.lastModified lt \"2026-01-15T09:00:00.5Z\"", "{ lm: { $lt: '2026-01-15T09:00:00.5000000Z' } }")]
    [InlineData("meta.lastModified le \"2026-01-15T09:00:00Z\"", "{ lm: { $lte: '2026-01-15T09:00:00.0000000Z' } }")]
    [InlineData("meta.created eq \"2026-01-15T09:00:00Z\"", "{ cr: '2026-01-15T09:00:00.0000000Z' }")]
    // logical operators over translatable parts.
    [InlineData("userName eq \"a\" and active eq true", "{ $and: [ { unl: 'a' }, { active: true } ] }")]
    [InlineData("userName eq \"a\" or externalId eq \"B\"", "{ $or: [ { unl: 'a' }, { extl: 'b', ext: 'B' } ] }")]
    [InlineData("not (active eq true)", "{ $nor: [ { active: true } ] }")]
    public void Translate_PushableFilter_BuildsExactQuery(string filter, string expected)
    {
        var translated = Translate(filter);

        Assert.Equal(BsonDocument.Parse(expected), translated.Filter);
        Assert.False(translated.Residual);
    }

    [Theory]
    // Ordering on case-insensitive strings: the evaluator's order differs from lower-case binary order.
    [InlineData("userName gt \"b\"", "{ }")]
    [InlineData("userName le \"b\"", "{ }")]
    // Attributes without a derived field: sub-attributes, extensions, unindexed core attributes.
    [InlineData("name.familyName eq \"Doe\"", "{ }")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"7\"", "{ }")]
    [InlineData("title pr", "{ }")]
    [InlineData("meta.lastModified ne \"2026-01-15T09:00:00Z\"", "{ }")]
    [InlineData("externalId eq null", "{ }")]
    [InlineData("active pr", "{ }")]
    // AND keeps the translatable side to narrow; OR and NOT over an untranslatable side push nothing.
    [InlineData("userName sw \"a\" and name.familyName eq \"Doe\"", "{ unl: /^a/ }")]
    [InlineData("title pr and emails.value eq \"x@y\"", "{ em: 'x@y' }")]
    [InlineData("userName eq \"a\" or name.familyName eq \"Doe\"", "{ }")]
    [InlineData("not (title pr)", "{ }")]
    [InlineData("emails[type eq \"work\" and value eq \"x@y\"]", "{ }")]
    // An OR of a narrowing side and an exact side still narrows: each side selects a superset of its matches.
    [InlineData("(userName eq \"a\" and title pr) or active eq true", "{ $or: [ { unl: 'a' }, { active: true } ] }")]
    public void Translate_FilterNeedingTheEvaluator_NarrowsAndFlagsResidual(string filter, string expected)
    {
        var translated = Translate(filter);

        Assert.Equal(BsonDocument.Parse(expected), translated.Filter);
        Assert.True(translated.Residual);
    }

    [Fact]
    public void Translate_NoFilter_MatchesEverythingWithoutResidual()
    {
        var translated = MongoUserFilterTranslator.Translate(null);

        Assert.Equal((0, false), (translated.Filter.ElementCount, translated.Residual));
    }

    [Theory]
    // A leading "/" is data, not a /pattern/options literal: "/" must not throw, "/a/i" must not turn case-insensitive.
    [InlineData("userName co \"/\"", "unl", "/")]
    [InlineData("userName co \"/a/i\"", "unl", "/a/i")]
    [InlineData("userName sw \"/\"", "unl", "^/")]
    [InlineData("userName ew \"/a/\"", "unl", @"/a/\z")]
    [InlineData("emails co \"/X/i\"", "em", "/x/i")]
    [InlineData("emails[value sw \"/\"]", "em", "^/")]
    [InlineData("externalId sw \"/A/i\"", "ext", "^/A/i")]
    // Every regex metacharacter is escaped, on each operator and field.
    [InlineData("userName co \".*+?()[]{}|^$\\\\\"", "unl", @"\.\*\+\?\(\)\[]\{}\|\^\$\\")]
    [InlineData("userName sw \".*+?()[]{}|^$\\\\\"", "unl", @"^\.\*\+\?\(\)\[]\{}\|\^\$\\")]
    [InlineData("userName ew \".*+?()[]{}|^$\\\\\"", "unl", @"\.\*\+\?\(\)\[]\{}\|\^\$\\\z")]
    [InlineData("emails ew \"a+b(c)*\"", "em", @"a\+b\(c\)\*\z")]
    [InlineData("externalId sw \"a.b|c\"", "ext", @"^a\.b\|c")]
    [InlineData("id sw \"[0-9]\"", "id", @"^\[0-9]")]
    // NUL cannot sit in a BSON regex (a C string): it is spelled as an escape.
    [InlineData("userName co \"a\\u0000b\"", "unl", @"a\x00b")]
    public void Translate_SubstringOperators_BuildRegexTreatingTheValueAsData(string filter, string field, string pattern)
    {
        var translated = Translate(filter);

        var regex = Assert.IsType<BsonRegularExpression>(translated.Filter[field]);
        Assert.Equal((pattern, ""), (regex.Pattern, regex.Options));
        Assert.False(translated.Residual);
        Assert.NotEmpty(translated.Filter.ToBson());
    }

    [Theory]
    [InlineData("co", "pre{0}post", true)]
    [InlineData("co", "pre.x", false)]
    [InlineData("sw", "{0}post", true)]
    [InlineData("sw", "x{0}", false)]
    [InlineData("ew", "pre{0}", true)]
    [InlineData("ew", "{0}\n", false)]
    public void Translate_MetacharacterValue_MatchesOnlyTheLiteralText(string op, string candidateFormat, bool matches)
    {
        // .NET's regex stands in for MongoDB's PCRE: both read these escapes and \z alike.
        const string value = ".*+?()[]{}|^$\\/";
        var filter = $"userName {op} \"{value.Replace("\\", "\\\\", StringComparison.Ordinal)}\"";
        var regex = Assert.IsType<BsonRegularExpression>(Translate(filter).Filter["unl"]);

        var candidate = string.Format(System.Globalization.CultureInfo.InvariantCulture, candidateFormat, value).Replace("\\n", "\n", StringComparison.Ordinal);

        Assert.Equal(matches, System.Text.RegularExpressions.Regex.IsMatch(candidate, regex.Pattern));
    }

    [Theory]
    // emails[value ne "x"] is "some email is not x" in the evaluator; { em: { $ne } } is "no email
    // is x", so that shape is left to the evaluator.
    [InlineData("emails[value ne \"X@y\"]", "{ }")]
    [InlineData("emails[value ne \"x@y\"] and userName eq \"a\"", "{ unl: 'a' }")]
    [InlineData("not (emails[value ne \"x@y\"])", "{ }")]
    [InlineData("emails[value ne \"x@y\"] or active eq true", "{ }")]
    // em keeps only non-empty values, which an empty operand would match in the evaluator.
    [InlineData("emails[value eq \"\"]", "{ }")]
    [InlineData("emails co \"\"", "{ }")]
    [InlineData("emails.value ne \"\"", "{ }")]
    public void Translate_ValueFilterNe_IsLeftToTheEvaluator(string filter, string expected)
    {
        var translated = Translate(filter);

        Assert.Equal(BsonDocument.Parse(expected), translated.Filter);
        Assert.True(translated.Residual);
    }

    [Theory]
    // What the evaluator answers for emails[value ne "x@y"], which a $ne pushdown would get wrong
    // on the first three (it answers "no email is x@y").
    [InlineData("""[{"value":"x@y"},{"value":"z@y"}]""", true)]
    [InlineData("""[{"type":"work"}]""", true)]
    [InlineData("[]", false)]
    [InlineData("""[{"value":"X@Y"}]""", false)]
    public void Evaluator_ValueFilterNe_MeansSomeEmailDiffers(string emails, bool expected)
    {
        var resource = System.Text.Json.Nodes.JsonNode.Parse($$"""{"userName":"a","emails":{{emails}}}""")!.AsObject();
        var evaluator = new FilterEvaluator(Identity.Scim.Schemas.SchemaRegistry.Default.Users);

        Assert.Equal(expected, evaluator.Matches(ScimFilter.Parse("emails[value ne \"x@y\"]"), resource));
        Assert.True(Translate("emails[value ne \"x@y\"]").Residual);
    }

    [Fact]
    public void FindAnyFilter_SeveralKeys_IsOneOrOverTheLowerCasedKeyFieldsOfLiveUsers()
    {
        var filter = MongoUserStore.FindAnyFilter("t1", [(Identity.Directory.Users.UserKey.ExternalId, "Ext-1"), (Identity.Directory.Users.UserKey.UserName, "Ann")]);
        var single = MongoUserStore.FindAnyFilter("t1", [(Identity.Directory.Users.UserKey.PrimaryEmail, "A@X.org")]);

        Assert.Equal(BsonDocument.Parse("{ t: 't1', del: { $exists: false }, $or: [ { extl: 'ext-1' }, { unk: 'ann' } ] }"), filter);
        Assert.Equal(BsonDocument.Parse("{ t: 't1', del: { $exists: false }, pem: 'a@x.org' }"), single);
    }

    [Fact]
    public void AdoptableJitFilter_IsTheTenantsLiveJitUsersNoIdpManages()
    {
        var filter = MongoUserStore.AdoptableJitFilter("t1");

        Assert.Equal(BsonDocument.Parse("{ t: 't1', o: 2, idp: false, del: { $exists: false } }"), filter);
    }
}
