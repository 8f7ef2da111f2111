using System.Globalization;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The interactions of a snapshot CSV, with the header and rows kept so a split can write them back unchanged. Bad
/// input is one <see cref="InvalidDataException"/> naming the column or row and the fix: a user, item, rating or time
/// column that is not there, a rating that is not a number, a time that is neither a number nor a date, no rows.
/// </summary>
public sealed class InteractionTable
{
    private InteractionTable(IReadOnlyList<string> header, List<string?[]> rows, List<Interaction> interactions, bool isExplicit)
    {
        Header = header;
        Rows = rows;
        Interactions = interactions;
        IsExplicit = isExplicit;
    }

    /// <summary>The CSV header.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The CSV rows, in file order (<see cref="Interaction.Row"/> indexes them).</summary>
    public IReadOnlyList<string?[]> Rows { get; }

    /// <summary>One interaction per row.</summary>
    public IReadOnlyList<Interaction> Interactions { get; }

    /// <summary>True when the ratings are explicit (a rating column with a value other than 0 and 1), false for implicit feedback: no rating column, or a 0/1 one.</summary>
    public bool IsExplicit { get; }

    /// <summary>Reads <paramref name="csvPath"/> with <paramref name="columns"/>.</summary>
    public static InteractionTable Read(string csvPath, RecommendationColumns columns, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        using var reader = new CsvSnapshotReader(csvPath);
        var header = reader.Header;
        int Index(string column, string key) => header.ToList().IndexOf(column) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{Path.GetFileName(csvPath)} has no column '{column}' ({key}); set {key} to one of: {string.Join(", ", header)}.");
        var user = Index(columns.User, "data.user");
        var item = Index(columns.Item, "data.item");
        var rating = columns.Rating is { } r ? Index(r, "data.label") : -1;
        var time = columns.Time is { } t ? Index(t, "data.time") : -1;
        var rows = new List<string?[]>();
        var interactions = new List<Interaction>();
        var isExplicit = false;
        foreach (var fields in reader.ReadRows(cancellation))
        {
            var line = rows.Count + 2;
            var u = fields[user] is { Length: > 0 } uv ? uv : throw new InvalidDataException($"{Path.GetFileName(csvPath)} line {line}: the user column '{columns.User}' is empty; every interaction needs a user.");
            var i = fields[item] is { Length: > 0 } iv ? iv : throw new InvalidDataException($"{Path.GetFileName(csvPath)} line {line}: the item column '{columns.Item}' is empty; every interaction needs an item.");
            var value = rating < 0 ? 1.0 : Rating(fields[rating], columns.Rating!, csvPath, line);
            isExplicit |= value is not (0 or 1);
            interactions.Add(new Interaction(u, i, value, time < 0 ? null : Time(fields[time], columns.Time!, csvPath, line), rows.Count));
            rows.Add(fields);
        }

        if (interactions.Count == 0) throw new InvalidDataException($"{Path.GetFileName(csvPath)} has no interactions: the catalogue is empty. Point ingest.* at a file with (user, item) rows.");
        return new InteractionTable(header, rows, interactions, isExplicit);
    }

    /// <summary>True when <paramref name="text"/> is a finite number, as a rating must be.</summary>
    internal static bool IsRating(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);

    private static double Rating(string? text, string column, string csvPath, int line) =>
        IsRating(text)
            ? double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"{Path.GetFileName(csvPath)} line {line}: the rating column '{column}' holds '{text}', not a number; ratings must be numbers (for implicit feedback, 1 per interaction).");

    /// <summary>A time value as a sortable number: the number itself, or a date's ticks.</summary>
    internal static double Time(string? text, string column, string csvPath, int line)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return d.UtcTicks;
        throw new InvalidDataException($"{Path.GetFileName(csvPath)} line {line}: the time column '{column}' holds '{text}', neither a number nor a date; fix the value or unset data.time.");
    }
}
