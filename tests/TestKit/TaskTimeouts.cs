namespace Identity.TestKit;

/// <summary>Every await in a test has a bound, so a hang fails one test instead of the run.</summary>
public static class TaskTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static Task WithTimeout(this Task task) => task.WaitAsync(Default);

    public static Task WithTimeout(this Task task, TimeSpan timeout) => task.WaitAsync(timeout);

    public static Task<T> WithTimeout<T>(this Task<T> task) => task.WaitAsync(Default);

    public static Task<T> WithTimeout<T>(this Task<T> task, TimeSpan timeout) => task.WaitAsync(timeout);

    public static Task WithTimeout(this ValueTask task) => task.AsTask().WaitAsync(Default);

    public static Task<T> WithTimeout<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Default);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Default);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {(timeout ?? Default).TotalSeconds:0.#} s{(because is null ? "" : ": " + because)}.");
            }
            await Task.Delay(20);
        }
    }
}
