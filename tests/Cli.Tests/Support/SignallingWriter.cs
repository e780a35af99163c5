using System.Text;

namespace Identity.Cli.Tests.Support;

/// <summary>
/// A thread-safe text sink that completes a task once the text holds a given string, so a test can
/// await output of a command still running (log --follow) instead of sleeping.
/// </summary>
public sealed class SignallingWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Marker, TaskCompletionSource Seen)> _waits = [];
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public Task WhenContains(string marker)
    {
        lock (_lock)
        {
            if (_text.ToString().Contains(marker, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((marker, seen));
            return seen.Task;
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    private void Append(string value)
    {
        lock (_lock)
        {
            _text.Append(value);
            var text = _text.ToString();
            foreach (var wait in _waits.Where(w => text.Contains(w.Marker, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
