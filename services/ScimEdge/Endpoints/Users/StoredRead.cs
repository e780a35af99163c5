using Identity.Contracts.GroupRole.V1;
using User = Identity.Contracts.Directory.V1.User;

namespace Identity.ScimEdge.Endpoints.Users;

/// <summary>The user a write starts from; <see cref="Groups"/> only when the cache held them fresh.</summary>
internal sealed record StoredRead(User User, IReadOnlyList<GroupRef>? Groups, bool FromCache);
