using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>
/// The key column value of a row made from served traffic: requests carry features, not the dataset's key, so the key
/// is derived from the request id: 2^52 plus 52 bits of its SHA-256, an integer that a double holds exactly, far above
/// any sequential source id, and the same on every run (which is how an incremental load skips rows it already has).
/// </summary>
internal static class FeedbackKey
{
    private const ulong Offset = 1UL << 52;

    /// <summary>The key text for <paramref name="requestId"/>.</summary>
    public static string Of(string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestId));
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) & (Offset - 1);
        return (Offset + bits).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="key"/> is one <see cref="Of"/> made (a served request's row, not a source row).</summary>
    public static bool IsFeedback(ReadOnlySpan<char> key) =>
        ulong.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= Offset && value < Offset << 1;
}
