using Identity.Revocation;

await RevocationApp.Create(args).RunAsync();
