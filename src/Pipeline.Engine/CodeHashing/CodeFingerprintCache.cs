using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// Code fingerprints of targets, kept as one listing file per target under
/// <c>.nuke/temp/code-hashes/&lt;key&gt;/</c>, where the key changes whenever an own assembly is recompiled:
/// while the build is not recompiled, no IL is read again.
/// </summary>
internal sealed class CodeFingerprintCache(string directory, OwnAssemblies own, string sourceRoot)
{
    public IReadOnlyDictionary<string, CodeFingerprintResult> Get(IReadOnlyDictionary<string, IReadOnlyList<MethodInfo>> roots)
    {
        var keyDirectory = Path.Combine(directory, own.Key());
        var result = new Dictionary<string, CodeFingerprintResult>();
        foreach (var (target, methods) in roots)
        {
            var file = Path.Combine(keyDirectory, target + ".txt");
            string listing;
            if (File.Exists(file)) listing = File.ReadAllText(file);
            else
            {
                listing = CodeFingerprint.Compute(methods, own.Contains, sourceRoot).Listing;
                if (Directory.Exists(directory) && !Directory.Exists(keyDirectory)) Directory.Delete(directory, recursive: true);
                AtomicFile.WriteAllText(file, listing);
            }
            result[target] = new CodeFingerprintResult(ContentHash.FromMd5Bytes(MD5.HashData(Encoding.UTF8.GetBytes(listing))), listing);
        }
        return result;
    }
}
