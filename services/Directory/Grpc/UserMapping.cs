using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Auditing;
using Identity.Directory.Users;
using Identity.Scim.Resources;

namespace Identity.Directory.Grpc;

internal static class UserMapping
{
    public static User ToContract(this StoredUser user)
    {
        var contract = new User
        {
            TenantId = user.TenantId,
            Id = user.Id,
            UserName = user.UserName,
            ExternalId = user.ExternalId ?? "",
            DisplayName = user.DisplayName ?? "",
            Active = user.IsActive,
            ResourceJson = user.ResourceJson,
            Version = user.Version,
            Created = Timestamp.FromDateTimeOffset(user.Created),
            LastModified = Timestamp.FromDateTimeOffset(user.LastModified),
            Origin = user.Origin,
            IdpManaged = user.IdpManaged,
        };
        contract.Emails.AddRange(user.Emails.Select(e => new Email { Value = e.Value, Type = e.Type ?? "", Primary = e.Primary }));
        if (user.Deleted is { } deleted)
        {
            contract.Deleted = Timestamp.FromDateTimeOffset(deleted);
        }
        if (JsonNode.Parse(user.ResourceJson) is JsonObject resource)
        {
            if (ScimJson.Get(resource, "name") is JsonObject name)
            {
                contract.Name = new UserName
                {
                    Formatted = Text(name, "formatted"),
                    GivenName = Text(name, "givenName"),
                    FamilyName = Text(name, "familyName"),
                    MiddleName = Text(name, "middleName"),
                };
            }
            if (ScimJson.Get(resource, "roles") is JsonArray roles)
            {
                contract.Roles.AddRange(roles.OfType<JsonObject>().Select(r => Text(r, "value")).Where(v => v.Length > 0));
            }
        }
        return contract;
    }

    public static AuditEvent ToContract(this LoggedEvent logged) => new()
    {
        TenantId = logged.Audit.TenantId,
        Id = logged.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Time = Timestamp.FromDateTimeOffset(logged.Audit.Time),
        Actor = logged.Audit.Actor,
        Action = logged.Audit.Action,
        ResourceType = logged.Audit.ResourceType,
        ResourceId = logged.Audit.ResourceId,
        VersionBefore = logged.Audit.VersionBefore,
        VersionAfter = logged.Audit.VersionAfter,
        RequestId = logged.Audit.RequestId,
        Detail = logged.Audit.Detail,
    };

    public static UserChangeEvent ToChangeEvent(this LoggedEvent logged)
    {
        var change = new UserChangeEvent
        {
            TenantId = logged.Audit.TenantId,
            Position = logged.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = logged.Change,
            UserId = logged.Audit.ResourceId,
            Version = logged.Audit.VersionAfter,
            Time = Timestamp.FromDateTimeOffset(logged.Audit.Time),
        };
        if (logged.Change != UserChangeType.Deleted && logged.User is { } user)
        {
            change.User = user.ToContract();
        }
        return change;
    }

    private static string Text(JsonObject node, string name) => ScimJson.AsString(ScimJson.Get(node, name)) ?? "";
}
