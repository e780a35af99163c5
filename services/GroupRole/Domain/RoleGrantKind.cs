namespace Identity.GroupRole.Domain;

public enum RoleGrantKind
{
    DirectGroup = 1,
    NestedGroup = 2,
    UserAttribute = 3,
}
