namespace Identity.TestKit.Consul;

/// <summary>One request the fake Consul agent received, as sent: method, path, query, ACL token and body.</summary>
public sealed record FakeConsulRequest(string Method, string Path, string Query, string? Token, string Body);
