using System.Text;

namespace Identity.EndToEnd.Tests.Fuzz;

/// <summary>One generated request, printable so a failure can be replayed by hand.</summary>
internal sealed record FuzzRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        return message;
    }

    /// <summary>Method, path, headers and the body with non-printable bytes as \xNN (bodies cut at 2,000 bytes).</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(PathAndQuery).AppendLine();
        foreach (var (name, value) in Headers)
        {
            text.Append(name).Append(": ").AppendLine(value);
        }
        if (ContentType is not null)
        {
            text.Append("Content-Type: ").AppendLine(ContentType);
        }
        if (Body is not null)
        {
            text.Append("body (").Append(Body.Length).AppendLine(" bytes):");
            foreach (var b in Body.Take(2000))
            {
                text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
            }
        }
        return text.ToString();
    }
}
