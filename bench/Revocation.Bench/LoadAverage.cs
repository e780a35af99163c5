using System.Globalization;

namespace Identity.Revocation.Bench;

/// <summary>The 1-minute load average, printed with every figure: other builds share this machine's cores.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
