using Identity.Directory.Users;
using MongoDB.Bson;

namespace Identity.Directory.Storage.Mongo;

/// <summary>
/// The users collection's document: the resource JSON as stored (the source of truth) and the
/// fields derived from it for indexes. <see cref="UserNameKey"/> is the lower-cased userName
/// while the user is live and absent once deleted, so the partial unique index frees the name.
/// </summary>
public static class MongoUserDocument
{
    public const string Tenant = "t";
    public const string UserId = "id";
    public const string Ordinal = "ord";
    public const string UserName = "un";
    public const string UserNameKey = "unk";
    public const string UserNameLower = "unl";
    public const string ExternalId = "ext";
    public const string ExternalIdLower = "extl";
    public const string DisplayName = "dn";
    public const string Active = "active";
    public const string Emails = "em";
    public const string PrimaryEmail = "pem";
    public const string Resource = "rj";
    public const string Version = "v";
    public const string Created = "cr";
    public const string LastModified = "lm";
    public const string Origin = "o";
    public const string IdpManaged = "idp";
    public const string JitVerified = "jv";
    public const string Deleted = "del";
    public const string Pending = "pend";

    public static string Key(string tenantId, string userId) => tenantId + "/" + userId;

    public static BsonDocument From(StoredUser user, BsonDocument? pending)
    {
        var document = new BsonDocument
        {
            { "_id", Key(user.TenantId, user.Id) },
            { Tenant, user.TenantId },
            { UserId, user.Id },
            { Ordinal, user.Ordinal },
            { UserName, user.UserName },
            { UserNameLower, user.UserNameKey },
            { Emails, new BsonArray(user.Emails.Select(e => e.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)) },
            { Resource, user.ResourceJson },
            { Version, user.Version },
            { Created, ScimTime.Print(user.Created) },
            { LastModified, ScimTime.Print(user.LastModified) },
            { Origin, (int)user.Origin },
            { IdpManaged, user.IdpManaged },
            { JitVerified, (int)user.JitVerified },
        };
        if (user.Deleted is { } deleted)
        {
            document[Deleted] = ScimTime.Print(deleted);
        }
        else
        {
            document[UserNameKey] = user.UserNameKey;
        }
        if (user.ExternalId is { } external)
        {
            document[ExternalId] = external;
            document[ExternalIdLower] = external.ToLowerInvariant();
        }
        if (user.DisplayName is { } display)
        {
            document[DisplayName] = display;
        }
        if (user.Active is { } active)
        {
            document[Active] = active;
        }
        if (user.PrimaryEmail is { } primary)
        {
            document[PrimaryEmail] = primary.ToLowerInvariant();
        }
        if (pending is not null)
        {
            document[Pending] = pending;
        }
        return document;
    }

    public static StoredUser ToUser(BsonDocument document)
    {
        var json = document[Resource].AsString;
        var derived = UserResource.Build(document[Tenant].AsString, document[UserId].AsString, UserResource.Parse(json),
            document[Version].ToInt64(), ScimTime.Parse(document[Created].AsString), ScimTime.Parse(document[LastModified].AsString),
            (UserOrigin)document[Origin].ToInt32(), document[IdpManaged].ToBoolean(), document[Ordinal].ToInt64());
        // Build re-stamps meta from the stored values, which leaves the resource as it was written.
        return derived with
        {
            ResourceJson = json,
            Deleted = document.TryGetValue(Deleted, out var deleted) && deleted.IsString ? ScimTime.Parse(deleted.AsString) : null,
            // Documents from before the field trust no identifier, like SQLite's column default.
            JitVerified = document.TryGetValue(JitVerified, out var verified) && verified.IsInt32 ? (VerifiedIdentifiers)verified.AsInt32 : VerifiedIdentifiers.None,
        };
    }
}
