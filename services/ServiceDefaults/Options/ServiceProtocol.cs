namespace Identity.ServiceDefaults.Options;

/// <summary>What a service's main endpoint speaks.</summary>
public enum ServiceProtocol
{
    /// <summary>gRPC only: HTTP/2 with prior knowledge, since there is no TLS to negotiate it.</summary>
    Grpc,

    /// <summary>A REST surface (the SCIM edge): HTTP/1.1, plus HTTP/2 where TLS negotiates it.</summary>
    Http,
}
