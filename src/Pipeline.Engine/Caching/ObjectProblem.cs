using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>Why a cache object cannot be used: it is missing, or present but corrupt or invalid (<see cref="Detail"/> says how).</summary>
public sealed record ObjectProblem(ContentHash Hash, string ObjectPath, bool IsMissing, string Detail);
