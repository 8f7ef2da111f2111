namespace Pipeline.Engine.Planning;

/// <summary>
/// Declared outputs indexed by exact path and in ordinal order, so finding the producers of an input
/// costs a few dictionary look-ups (the input and its ancestors) plus a range scan (paths under it),
/// not a scan of every output. Only globs without a literal prefix scan everything.
/// </summary>
internal sealed class OutputIndex
{
    private readonly Dictionary<string, int> _owners = new(StringComparer.Ordinal);
    private readonly string[] _sorted;

    /// <summary>Indexes normalized outputs per target; assumes <see cref="OutputClashes"/> found no duplicates.</summary>
    public OutputIndex(IReadOnlyList<string[]> outputs)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            foreach (var path in outputs[i]) _owners[path] = i;
        }
        _sorted = [.. _owners.Keys];
        Array.Sort(_sorted, StringComparer.Ordinal);
    }

    /// <summary>The target that declares exactly <paramref name="path"/> as an output, if any.</summary>
    public int? OwnerOf(string path) => _owners.TryGetValue(path, out var owner) ? owner : null;

    /// <summary>Adds the owners of outputs equal to, above or under the plain input path <paramref name="input"/>.</summary>
    public void CollectProducers(string input, List<int> into)
    {
        CollectSelfAndAncestors(input, into);
        foreach (var path in Under(input)) into.Add(_owners[path]);
    }

    /// <summary>Adds the owners of outputs the glob can reach (see <see cref="GlobPattern.Reaches"/>).</summary>
    public void CollectProducers(GlobPattern glob, List<int> into)
    {
        if (glob.LiteralPrefix.Length == 0)
        {
            foreach (var path in _sorted)
            {
                if (glob.Reaches(path)) into.Add(_owners[path]);
            }
            return;
        }
        // NOTE: an output that neither contains the literal prefix nor lies under it differs from the glob
        // in a literal segment, so it cannot be reached; only outputs under the prefix need the matcher.
        CollectSelfAndAncestors(glob.LiteralPrefix, into);
        foreach (var path in Under(glob.LiteralPrefix))
        {
            if (glob.Reaches(path)) into.Add(_owners[path]);
        }
    }

    private void CollectSelfAndAncestors(string path, List<int> into)
    {
        if (_owners.TryGetValue(path, out var owner)) into.Add(owner);
        foreach (var ancestor in PlanPath.Ancestors(path))
        {
            if (_owners.TryGetValue(ancestor, out owner)) into.Add(owner);
        }
    }

    private IEnumerable<string> Under(string dir)
    {
        var prefix = dir + "/";
        var start = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        if (start < 0) start = ~start;
        for (var i = start; i < _sorted.Length && _sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _sorted[i];
        }
    }
}
