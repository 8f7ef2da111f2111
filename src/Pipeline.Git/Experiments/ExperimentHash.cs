using System.Security.Cryptography;
using System.Text;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Serialization;

namespace Pipeline.Git.Experiments;

/// <summary>DVC's <c>hash_exp</c>: <c>dict_sha256({stage: lock entry, …})</c> over every stage of dvc.lock (docs/dvc-format.md §15).</summary>
internal static class ExperimentHash
{
    /// <summary>The sha256 hex of Python's <c>json.dumps(entries, sort_keys=True)</c>.</summary>
    public static string Of(LockFile lockFile)
    {
        var entries = new OrderedMap();
        foreach (var stage in lockFile.StageNames) entries.Add(stage, lockFile.Get(stage)!.ToTree());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PythonJson.Dumps(entries, sortKeys: true))));
    }
}
