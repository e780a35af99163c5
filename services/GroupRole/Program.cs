using Identity.GroupRole;

await GroupRoleApp.Create(args).RunAsync();
