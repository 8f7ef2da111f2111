using System.Globalization;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Data;
using Pipeline.Formats.IO;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Gate;

/// <summary>
/// The registry folder <c>models/registry/&lt;model&gt;/&lt;version&gt;/</c>: each registration is copied into a temporary
/// folder and renamed into place, so a version folder is complete or absent. A <c>production</c> file in the model
/// folder names the production version, which the git tags of GTO (Pipeline.Git.Registry.ModelRegistry) follow.
/// </summary>
public static class RegistryFolder
{
    /// <summary>The pointer file naming the production version.</summary>
    public const string ProductionFile = "production";

    /// <summary>The lineage file inside each version folder.</summary>
    public const string LineageFile = "lineage.json";

    /// <summary>
    /// Registers a new version (next after the highest, v0.0.1 first) and returns it, unless the highest version already
    /// holds the same registration (byte-identical files under the same names, the same lineage inputs): then that
    /// version is returned and nothing is written, so a Deploy re-run after being killed between registering and
    /// recording its lock entry does not register an identical model twice.
    /// </summary>
    public static ModelVersion Register(string registryRoot, string modelName, RegistryFiles files, Lineage lineage, TimeProvider clock, VersionBump bump = VersionBump.Patch)
    {
        var modelDir = ModelDirectory(registryRoot, modelName);
        var sources = files.All().ToList();
        foreach (var missing in sources.Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException($"Cannot register {modelName}: {missing} does not exist. Run the Train and Evaluate targets first.", missing);
        }

        Directory.CreateDirectory(modelDir);
        var versions = Versions(registryRoot, modelName);
        if (versions.Count > 0 && RegistrationIdentity.Matches(Path.Combine(modelDir, versions[^1].ToString()), sources, lineage)) return versions[^1];
        var version = versions.Count == 0 ? ModelVersion.First : versions[^1].Next(bump);
        var temp = Path.Combine(modelDir, $".tmp-{version}-{Path.GetRandomFileName()}");
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var file in sources)
            {
                File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            }

            File.WriteAllBytes(Path.Combine(temp, LineageFile), LineageJson(modelName, version, lineage, clock, sources));
            Directory.Move(temp, Path.Combine(modelDir, version.ToString()));
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }

        return version;
    }

    /// <summary>The registered versions of a model, ascending (temporary and foreign folders ignored).</summary>
    public static IReadOnlyList<ModelVersion> Versions(string registryRoot, string modelName)
    {
        var modelDir = ModelDirectory(registryRoot, modelName);
        return !Directory.Exists(modelDir)
            ? []
            : Directory.GetDirectories(modelDir)
                .Select(d => ModelVersion.TryParse(Path.GetFileName(d), out var v) ? v : (ModelVersion?)null)
                .OfType<ModelVersion>().Order().ToList();
    }

    /// <summary>Makes a registered version the production one (atomic rewrite of the pointer file).</summary>
    public static void Promote(string registryRoot, string modelName, ModelVersion version)
    {
        var modelDir = ModelDirectory(registryRoot, modelName);
        if (!Directory.Exists(Path.Combine(modelDir, version.ToString())))
        {
            throw new DirectoryNotFoundException($"Cannot promote {modelName} {version}: it is not registered. Registered: {string.Join(", ", Versions(registryRoot, modelName))}.");
        }

        AtomicFile.WriteAllText(Path.Combine(modelDir, ProductionFile), version + "\n");
    }

    /// <summary>
    /// The production version: the one owner of "which version is production". The serving host serves it and moves
    /// it when a rollout ends; the git tags follow it on --commit (Pipeline.Git.Registry.ModelRegistry.RecordProduction).
    /// Null when none was promoted.
    /// </summary>
    public static ModelVersion? ProductionVersion(string registryRoot, string modelName)
    {
        var pointer = Path.Combine(ModelDirectory(registryRoot, modelName), ProductionFile);
        return File.Exists(pointer) ? ModelVersion.Parse(File.ReadAllText(pointer).Trim()) : null;
    }

    /// <summary>The production version's folder, or null when none was promoted.</summary>
    public static string? Production(string registryRoot, string modelName) =>
        ProductionVersion(registryRoot, modelName) is { } version ? Path.Combine(ModelDirectory(registryRoot, modelName), version.ToString()) : null;

    private static string ModelDirectory(string registryRoot, string modelName) =>
        modelName.Length == 0 || modelName.IndexOfAny(['/', '\\']) >= 0 || modelName.StartsWith('.')
            ? throw new ArgumentException($"Model name '{modelName}' must be a plain folder name (no slashes, not starting with '.').")
            : Path.Combine(registryRoot, modelName);

    private static byte[] LineageJson(string modelName, ModelVersion version, Lineage lineage, TimeProvider clock, IEnumerable<string> files) =>
        JsonLayout.Bytes(json =>
        {
            json.WriteStartObject();
            json.WriteString("model", modelName);
            json.WriteString("version", version.ToString());
            json.WriteString("git_commit", lineage.GitCommit);
            json.WriteStartObject("inputs");
            foreach (var (path, hash) in lineage.InputHashes.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                json.WriteString(path, hash);
            }

            json.WriteEndObject();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStringValue(Path.GetFileName(file));
            }

            json.WriteEndArray();
            json.WriteString("registered_at", clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        });
}
