using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Recommendation;

namespace Pipeline.Ml.Validation;

/// <summary>
/// Validate's checks of a recommendation snapshot (<c>data.task: recommendation</c>), run before anything is written.
/// One line each, naming the setting or row and the fix: a <c>data.user</c>, <c>data.item</c>, <c>data.label</c> or
/// <c>data.time</c> column that is not in the header, a rating that is not a number, a time that is neither a number nor
/// a date, an empty user or item, no interactions (an empty catalogue). Counted, not failed: (user, item, time) rows
/// that occur more than once and users with a single interaction (<see cref="InteractionSection"/>). Rows with the wrong
/// field count and empty ratings are left to the row checks (quarantined as malformed_row / missing_label).
/// </summary>
internal static class InteractionChecks
{
    private const int MaxExamples = 5;

    public static InteractionSection Scan(string csvPath, RecommendationColumns columns, CancellationToken cancellation = default)
    {
        using var reader = new CsvSnapshotReader(csvPath);
        var header = SnapshotHeader.Parse(csvPath, reader.Header);
        var file = Path.GetFileName(csvPath);
        var user = header.IndexOf(columns.User, file, "data.user");
        var item = header.IndexOf(columns.Item, file, "data.item");
        var rating = columns.Rating is { } r ? header.IndexOf(r, file, "data.label") : -1;
        var time = columns.Time is { } t ? header.IndexOf(t, file, "data.time") : -1;
        var perUser = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string, string?)>();
        var repeated = new Dictionary<(string User, string Item, string? Time), int>();
        long notNumbers = 0;
        string? firstNotNumber = null;
        long rows = 0;
        while (reader.ReadRawRow() is { } fields)
        {
            if ((rows++ & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            if (fields.Length != header.Names.Count) continue;
            var line = reader.RowLine.ToString(CultureInfo.InvariantCulture);
            var u = fields[user] is { Length: > 0 } uv ? uv : throw new InvalidDataException($"{file} line {line}: the user column '{columns.User}' (data.user) is empty; every interaction needs a user: fill it in or remove the row.");
            var i = fields[item] is { Length: > 0 } iv ? iv : throw new InvalidDataException($"{file} line {line}: the item column '{columns.Item}' (data.item) is empty; every interaction needs an item: fill it in or remove the row.");
            if (rating >= 0 && fields[rating] is { Length: > 0 } text && !InteractionTable.IsRating(text))
            {
                notNumbers++;
                firstNotNumber ??= $"line {line}: '{text}'";
            }

            if (time >= 0 && fields[time] is { Length: > 0 } when) InteractionTable.Time(when, columns.Time!, file, (int)reader.RowLine);
            perUser[u] = perUser.GetValueOrDefault(u) + 1;
            items.Add(i);
            var key = (u, i, time >= 0 ? fields[time] : null);
            if (!seen.Add(key)) repeated[key] = repeated.GetValueOrDefault(key, 1) + 1;
        }

        if (notNumbers > 0)
            throw new InvalidDataException($"{file}: the rating column '{columns.Rating}' (data.label) holds {notNumbers} values that are not numbers (first at {firstNotNumber}); ratings must be numbers: fix those rows, set data.label to the rating column, or unset data.label for implicit feedback.");
        if (items.Count == 0)
            throw new InvalidDataException($"{file} has no interactions: the catalogue is empty. Point ingest.* at a file with (user, item) rows.");
        return new InteractionSection(perUser.Count, items.Count, repeated.Count, perUser.Count(p => p.Value == 1))
        {
            RepeatedExamples = [.. repeated.OrderByDescending(p => p.Value).ThenBy(p => p.Key.User, StringComparer.Ordinal).ThenBy(p => p.Key.Item, StringComparer.Ordinal).ThenBy(p => p.Key.Time, StringComparer.Ordinal)
                .Take(MaxExamples).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.User}/{p.Key.Item}{(p.Key.Time is null ? "" : "/" + p.Key.Time)} ×{p.Value}"))],
        };
    }
}
