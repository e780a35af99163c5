using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Identity.Cli.Output;

/// <summary>Tables of admin answers. Every cell is plain text: names and details come from the server and must never be read as markup.</summary>
internal static class Tables
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Table New(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }
        return table;
    }

    public static void AddTextRow(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? "")));

    /// <summary>The text of a JSON field: strings as they are, times in UTC to the second, arrays joined with commas, absent as "".</summary>
    public static string Field(JsonNode? node, string name)
    {
        var value = node is JsonObject obj ? obj[name] : null;
        return value switch
        {
            null => "",
            JsonArray array => string.Join(", ", array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : item?.ToJsonString())),
            JsonValue v when v.TryGetValue<string>(out var text) =>
                DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) && text.Contains('T', StringComparison.Ordinal)
                    ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    : text,
            _ => value.ToJsonString(),
        };
    }

    public static void WriteJson(CliConsole console, JsonNode? node) =>
        console.OutWriter.WriteLine(node?.ToJsonString(Indented) ?? "null");
}
