namespace Identity.GroupRole;

internal static class GroupRoleRegistration
{
    public static WebApplicationBuilder AddGroupRole(this WebApplicationBuilder builder)
    {
        return builder;
    }
}
