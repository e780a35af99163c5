using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Identity.Contracts.Directory.V1;
using Identity.Directory.Auditing;
using Identity.Directory.Users;

namespace Identity.Directory.Grpc;

internal static class UserMapping
{
    /// <summary>
    /// The user as the contract shows it. <see cref="UserView.Resource"/> leaves out what only a
    /// second read of resource_json yields (emails, name, roles): the edge reads resource_json itself,
    /// and skipping them keeps a PATCH to its budget of parses.
    /// </summary>
    public static User ToContract(this StoredUser user, UserView view = UserView.Unspecified)
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
            Origin = user.Origin.ToContract(),
            IdpManaged = user.IdpManaged,
        };
        if (user.Deleted is { } deleted)
        {
            contract.Deleted = Timestamp.FromDateTimeOffset(deleted);
        }
        if (view != UserView.Resource)
        {
            contract.Emails.AddRange(user.Emails.Select(e => new Email { Value = e.Value, Type = e.Type ?? "", Primary = e.Primary }));
            AddNameAndRoles(contract, user.ResourceJson);
        }
        return contract;
    }

    public static AuditEvent ToContract(this LoggedEvent logged) => new()
    {
        TenantId = logged.Audit.TenantId,
        Id = logged.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Time = Timestamp.FromDateTimeOffset(logged.Audit.Time),
        Actor = logged.Audit.Actor,
        Action = logged.Audit.Action.ToContract(),
        ResourceType = logged.Audit.ResourceType,
        ResourceId = logged.Audit.ResourceId,
        VersionBefore = logged.Audit.VersionBefore,
        VersionAfter = logged.Audit.VersionAfter,
        RequestId = logged.Audit.RequestId,
        Detail = logged.Audit.Detail,
    };

    public static UserChangeEvent ToChangeEvent(this LoggedEvent logged, UserView view = UserView.Unspecified)
    {
        var change = new UserChangeEvent
        {
            TenantId = logged.Audit.TenantId,
            Position = logged.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = logged.Change.ToContract(),
            UserId = logged.Audit.ResourceId,
            Version = logged.Audit.VersionAfter,
            Time = Timestamp.FromDateTimeOffset(logged.Audit.Time),
        };
        if (logged.Change != Auditing.UserChangeType.Deleted && logged.User is { } user)
        {
            change.User = user.ToContract(view);
        }
        return change;
    }

    /// <summary>
    /// Copies name and roles out of the stored resource. Every user answered and every feed event
    /// passes here, so the resource is read as a pooled <see cref="JsonDocument"/> rather than built
    /// into a JsonObject and dropped. Names match ignoring case, as SCIM attribute names do.
    /// </summary>
    private static void AddNameAndRoles(User contract, string resourceJson)
    {
        using var document = JsonDocument.Parse(resourceJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (Property(document.RootElement, "name") is { ValueKind: JsonValueKind.Object } name)
        {
            contract.Name = new UserName
            {
                Formatted = Text(name, "formatted"),
                GivenName = Text(name, "givenName"),
                FamilyName = Text(name, "familyName"),
                MiddleName = Text(name, "middleName"),
            };
        }
        if (Property(document.RootElement, "roles") is { ValueKind: JsonValueKind.Array } roles)
        {
            contract.Roles.AddRange(roles.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object)
                .Select(r => Text(r, "value"))
                .Where(v => v.Length > 0));
        }
    }

    private static JsonElement? Property(JsonElement node, string name)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static string Text(JsonElement node, string name) =>
        Property(node, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";
}
