using System.Text.Json;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Gate;

/// <summary>
/// What a registration produced: the model and the version the registry folder holds it under. Written by the
/// target that registers (<c>models/registered.json</c>) and read by the ones after it (the rollout, the git tags),
/// so nothing downstream re-derives or remembers the version.
/// </summary>
/// <param name="Model">The model name (the registry folder's sub-folder).</param>
/// <param name="Version">The registered version.</param>
public sealed record Registration(string Model, ModelVersion Version)
{
    /// <summary>The file's bytes: <c>{"model": …, "version": "v0.0.1"}</c> in the one JSON layout.</summary>
    public byte[] ToJson() => JsonLayout.Bytes(json =>
    {
        json.WriteStartObject();
        json.WriteString("model", Model);
        json.WriteString("version", Version.ToString());
        json.WriteEndObject();
    });

    /// <summary>Reads a registration file; an unreadable one fails naming the file and the target that writes it.</summary>
    public static Registration Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            return new Registration(root.GetProperty("model").GetString() ?? "", ModelVersion.Parse(root.GetProperty("version").GetString() ?? ""));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a registration ({e.Message}); run the Register target again (./build.sh Register --force).", e);
        }
    }
}
