using Identity.ScimEdge;

await ScimEdgeApp.Create(args).RunAsync();
