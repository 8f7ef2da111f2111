namespace Pipeline.Engine.Hashing;

/// <summary>Hashes files and directories exactly as DVC 3 does, using the state cache and all cores.</summary>
internal sealed class PathHasher(StateCache state, int parallelism)
{
    public StateCache State => state;
    public int Parallelism => parallelism;

    /// <summary>Hashes one file or directory; throws <see cref="FileNotFoundException"/> when it does not exist.</summary>
    public HashedPath Hash(string absPath) => throw new NotImplementedException("STUB: helper A");

    /// <summary>Hashes many paths in parallel; result order matches input order.</summary>
    public IReadOnlyList<HashedPath> HashAll(IReadOnlyList<string> absPaths) => throw new NotImplementedException();
}
