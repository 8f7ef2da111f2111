using System.Text;

namespace Pipeline.Formats.Csv;

/// <summary>
/// A decoder fallback that does what the default UTF-8 decoder does (each invalid byte sequence becomes U+FFFD) and
/// counts how often it happened, so a reader can say that it replaced bytes instead of changing data silently.
/// </summary>
public sealed class CountingReplacementFallback : DecoderFallback
{
    private long _count;

    /// <summary>Invalid byte sequences replaced so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public override int MaxCharCount => 1;

    /// <inheritdoc />
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>UTF-8 (no BOM written) with this fallback.</summary>
    public Encoding Utf8() => Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, this);

    private sealed class Buffer(CountingReplacementFallback owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            Interlocked.Increment(ref owner._count);
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0) return '\0';
            _remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_remaining == 1) return false;
            _remaining++;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
