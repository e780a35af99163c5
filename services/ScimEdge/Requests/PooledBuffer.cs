using System.Buffers;

namespace Identity.ScimEdge.Requests;

/// <summary>A growable byte buffer rented from the shared pool, so reading a body allocates nothing per request.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private const int InitialSize = 4096;

    private byte[] _array = ArrayPool<byte>.Shared.Rent(InitialSize);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, Length);

    /// <summary>Free space after the written bytes, doubling the buffer when it is full.</summary>
    public Memory<byte> GetMemory()
    {
        if (Length == _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_array.Length * 2);
            _array.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
        return _array.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }
}
