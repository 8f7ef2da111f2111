using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>One output to materialise from the cache: its object, where it goes, and (for files) its mode and recorded size.</summary>
internal sealed record CheckoutItem(ContentHash Hash, string Destination, bool IsExecutable = false, long? Size = null)
{
    /// <summary>The item for an output recorded with <paramref name="info"/>.</summary>
    public static CheckoutItem Of(HashInfo info, string destination) =>
        new(info.Hash, destination, info.IsExecutable, info.Hash.IsDirectory ? null : info.Size);
}
