using System.Security.Cryptography;

namespace Pipeline.Ml.Tests.Data;

/// <summary>
/// One documented key (or group) set to <see cref="Value"/> on top of <see cref="Context"/> (other keys its effect
/// needs); <see cref="Setting"/> is the key written when it differs from the documented name (<c>min.auc</c> of group <c>min</c>).
/// </summary>
internal sealed record KeyVariant(string Key, string Value, IReadOnlyDictionary<string, string>? Context = null, string? Setting = null);

/// <summary>Proves that every documented key of a params.yaml section changes what the stage writes.</summary>
internal static class DocumentedKeys
{
    /// <summary>
    /// Runs the stage for each variant with and without its key and asserts the outputs differ; every documented key
    /// must have a variant or be listed in <paramref name="withoutEffect"/> (a key that changes nothing by design), and
    /// the same settings must give the same output (so a difference is the key's doing, not noise).
    /// </summary>
    public static void EachChangesOutput(
        IReadOnlyList<string> documented,
        Func<IReadOnlyDictionary<string, string>, string> run,
        IReadOnlyList<KeyVariant> variants,
        IReadOnlyList<string>? withoutEffect = null)
    {
        Assert.Equal(documented.Order(), variants.Select(v => v.Key).Concat(withoutEffect ?? []).Distinct().Order());
        var empty = new Dictionary<string, string>();
        Assert.Equal(run(empty), run(empty));
        var outputs = new Dictionary<string, string>();
        string Output(IReadOnlyDictionary<string, string> settings)
        {
            var name = string.Join(";", settings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            return outputs.TryGetValue(name, out var output) ? output : outputs[name] = run(settings);
        }
        foreach (var variant in variants)
        {
            var context = variant.Context ?? empty;
            var with = new Dictionary<string, string>(context) { [variant.Setting ?? variant.Key] = variant.Value };
            Assert.True(Output(context) != Output(with), $"{variant.Setting ?? variant.Key}: {variant.Value} did not change the output");
        }
    }

    /// <summary>The md5 of the files' bytes, in order (an output digest for <see cref="EachChangesOutput"/>).</summary>
    public static string Digest(params string[] files) =>
        string.Join(",", files.Select(f => File.Exists(f) ? Convert.ToHexString(MD5.HashData(File.ReadAllBytes(f))) : "-"));
}
