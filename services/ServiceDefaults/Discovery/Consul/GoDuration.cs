using System.Globalization;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>Consul reads durations as Go strings ("10s", "1m", "500ms"), never as TimeSpan text.</summary>
internal static class GoDuration
{
    public static string Format(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        if (ms % 60_000 == 0 && ms > 0)
        {
            return (ms / 60_000).ToString(CultureInfo.InvariantCulture) + "m";
        }
        return ms % 1000 == 0
            ? (ms / 1000).ToString(CultureInfo.InvariantCulture) + "s"
            : ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
