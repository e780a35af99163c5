using System.Globalization;

namespace Identity.Revocation.Domain;

/// <summary>
/// A feed position in Redis stream id form, "milliseconds-sequence". The in-process store
/// mints ids the same way, so clients see one format whichever store runs.
/// </summary>
public readonly record struct FeedPosition(long Milliseconds, long Sequence) : IComparable<FeedPosition>
{
    public static readonly FeedPosition Zero = new(0, 0);

    public static FeedPosition Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an event id (ms-seq).");

    public static bool TryParse(string? text, out FeedPosition id)
    {
        id = Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var msText = dash < 0 ? text : text[..dash];
        var seqText = dash < 0 ? "0" : text[(dash + 1)..];
        if (!long.TryParse(msText, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }
        id = new FeedPosition(ms, seq);
        return true;
    }

    public int CompareTo(FeedPosition other)
    {
        var byMs = Milliseconds.CompareTo(other.Milliseconds);
        return byMs != 0 ? byMs : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(FeedPosition left, FeedPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedPosition left, FeedPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedPosition left, FeedPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedPosition left, FeedPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
