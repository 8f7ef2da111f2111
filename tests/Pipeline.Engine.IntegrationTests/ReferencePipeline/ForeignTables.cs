using System.Globalization;
using System.Text;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// Small seeded tables that share nothing with the fraud data (no <c>id</c>, <c>device</c> or <c>is_fraud</c>), each with
/// a strong learnable signal, for running the committed params.yaml on another source.
/// </summary>
internal static class ForeignTables
{
    private static readonly string[] Employment = ["salaried", "self_employed", "student", "retired"];
    private static readonly string[] Housing = ["own", "rent", "family"];
    private static readonly string[] Soils = ["clay", "sand", "loam"];
    private static readonly string[] Districts = ["harbour", "old_town", "uptown", "suburbs"];

    /// <summary>Loan decisions: label <c>approved</c> (yes/no), driven mostly by two categorical columns and a ratio.</summary>
    public static string BinaryWithCategoricals(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("employment,housing,income,debt,approved\n");
        for (var i = 0; i < rows; i++)
        {
            var employment = random.Next(Employment.Length);
            var housing = random.Next(Housing.Length);
            var income = 20 + (random.NextDouble() * 100);
            var debt = random.NextDouble() * 60;
            var score = (employment == 0 ? 1.5 : employment == 2 ? -1.5 : 0) + (housing == 0 ? 1.0 : -0.5) + ((income - (1.2 * debt)) / 30) + (0.5 * Noise(random));
            csv.Append(CultureInfo.InvariantCulture, $"{Employment[employment]},{Housing[housing]},{income:F1},{debt:F1},{(score > 0.5 ? "yes" : "no")}\n");
        }
        return csv.ToString();
    }

    /// <summary>Crop types: label <c>crop</c> (three classes), separated by rainfall, temperature and soil.</summary>
    public static string Multiclass(int rows, int seed)
    {
        string[] crops = ["rice", "wheat", "millet"];
        var random = new Random(seed);
        var csv = new StringBuilder("rainfall_mm,temperature_c,soil,crop\n");
        for (var i = 0; i < rows; i++)
        {
            var crop = random.Next(crops.Length);
            var rainfall = (crop == 0 ? 1800 : crop == 1 ? 700 : 350) + (120 * Noise(random));
            var temperature = (crop == 0 ? 27 : crop == 1 ? 15 : 30) + (2.5 * Noise(random));
            var soil = random.Next(3) == 0 ? random.Next(Soils.Length) : crop;
            csv.Append(CultureInfo.InvariantCulture, $"{rainfall:F0},{temperature:F1},{Soils[soil]},{crops[crop]}\n");
        }
        return csv.ToString();
    }

    /// <summary>Rents: label <c>rent</c>, linear in area and rooms plus a district premium.</summary>
    public static string Regression(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("district,area_m2,rooms,floor,rent\n");
        for (var i = 0; i < rows; i++)
        {
            var district = random.Next(Districts.Length);
            var area = 25 + (random.NextDouble() * 100);
            var rooms = 1 + random.Next(5);
            var floor = random.Next(10);
            var rent = 200 + (9 * area) + (60 * rooms) + (150 * district) + (5 * floor) + (40 * Noise(random));
            csv.Append(CultureInfo.InvariantCulture, $"{Districts[district]},{area:F1},{rooms},{floor},{rent:F0}\n");
        }
        return csv.ToString();
    }

    private static double Noise(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
