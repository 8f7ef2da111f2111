using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Formats.IO;

namespace Pipeline.Formats.Profiles;

/// <summary>
/// The reference profile of the train split (data/features/profile.json): per column the row count, null rate and
/// its distribution, and a seeded sample of the rows (<see cref="ProfileSample"/>), for drift monitoring. JSON keys are
/// snake_case in declaration order; numbers are invariant. Ml's ProfileBuilder writes it, Monitoring and the registry read it.
/// </summary>
public sealed record ReferenceProfile(long RowCount, IReadOnlyList<ColumnProfile> Columns)
{
    /// <summary>Up to <see cref="ProfileSample.Capacity"/> rows with their raw values (null in a profile written before samples existed).</summary>
    public ProfileSample? Sample { get; init; }

    /// <summary>The quantile probabilities recorded: 1%, the deciles and 99%.</summary>
    public static readonly IReadOnlyList<double> Probabilities = [0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99];

    /// <summary>The number of equal-width histogram bins between min and max.</summary>
    public const int HistogramBins = 20;

    /// <summary>The number of categories kept by name; the rest count as other.</summary>
    public const int TopCategories = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The profile as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Writes the profile to <paramref name="path"/> atomically.</summary>
    // NOTE: serialised straight to the file (the same UTF-8 as ToJson's text): a wide table's row sample is hundreds of
    // MiB of JSON, which as one string (then encoded) cost several times that in memory.
    public void Save(string path)
    {
        using var file = new AtomicFile(path);
        using (var stream = new FileStream(file.TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.WriteByte((byte)'\n');
        }
        file.Commit();
    }

    /// <summary>Reads a profile written by <see cref="Save"/>.</summary>
    public static ReferenceProfile Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ReferenceProfile>(File.ReadAllText(path, Encoding.UTF8), Json)
                ?? throw new InvalidDataException($"{path}: the profile is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a reference profile ({e.Message}). Re-run Featurize to write it again.", e);
        }
    }
}
