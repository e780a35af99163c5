using Identity.Directory;

await DirectoryApp.Create(args).RunAsync();
