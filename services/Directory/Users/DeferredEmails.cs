using System.Collections;

namespace Identity.Directory.Users;

/// <summary>
/// A stored user's emails, read out of its resource the first time someone asks. Most reads never
/// do (a replace reads the current row only for its version and metadata), and reading them means
/// parsing the whole resource.
/// </summary>
public sealed class DeferredEmails(Func<List<UserEmail>> read) : IReadOnlyList<UserEmail>
{
    private readonly Lazy<List<UserEmail>> _emails = new(read);

    public int Count => _emails.Value.Count;

    public UserEmail this[int index] => _emails.Value[index];

    public IEnumerator<UserEmail> GetEnumerator() => _emails.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
