using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>One remembered file hash and the stat it is valid for.</summary>
internal sealed record StateEntry(FileStamp Stamp, ContentHash Hash);
