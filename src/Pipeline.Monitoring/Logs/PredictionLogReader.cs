using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pipeline.Formats.PredictionLog;

namespace Pipeline.Monitoring.Logs;

/// <summary>
/// Reads the recent window of the serving host's prediction log (tables <c>predictions</c>, <c>feedback</c> and
/// <c>item_feedback</c>, as created by Pipeline.Serving's PredictionStore) with plain SQL, read-only: a SQLite file, or
/// PostgreSQL when the location is a connection string (<see cref="PredictionLogLocation"/>).
/// </summary>
internal static class PredictionLogReader
{
    /// <summary>The predictions selected by <paramref name="options"/>, oldest first (ties by request id).</summary>
    public static PredictionWindow Read(string databasePath, PredictionLogReadOptions? options = null)
    {
        options ??= new PredictionLogReadOptions();
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = Query(options, command);
        var rows = new List<LoggedPrediction>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ToPrediction(reader));
            }
        }

        rows.Reverse();
        return new PredictionWindow(rows);
    }

    /// <summary>An open, read-only connection to the log at <paramref name="location"/>; a SQLite file that is not there is a <see cref="FileNotFoundException"/>.</summary>
    private static DbConnection Open(string location)
    {
        DbConnection connection;
        if (PredictionLogLocation.IsConnectionString(location))
        {
            connection = new NpgsqlConnection(location);
        }
        else
        {
            if (!File.Exists(location))
            {
                throw new FileNotFoundException(
                    $"Prediction log '{location}' does not exist. Start the serving host (./build.sh Serve) and send traffic first.",
                    location);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        }

        connection.Open();
        return connection;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Query(PredictionLogReadOptions options, DbCommand command)
    {
        if (options.Since is { } since) Add(command, "@since", PredictionLogTime.Text(since));
        if (options.Until is { } until) Add(command, "@until", PredictionLogTime.Text(until));
        if (options.ModelVersion is { } version) Add(command, "@version", version);
        if (options.Variant is { } variant) Add(command, "@variant", variant);
        if (options.LastCount is { } count)
        {
            if (count < 1) throw new ArgumentException($"The window needs at least one prediction, got LastCount = {count}.");
            Add(command, "@count", count);
        }

        return PredictionLogQueries.Window(
            since: options.Since is not null, until: options.Until is not null, version: options.ModelVersion is not null,
            variant: options.Variant is not null, count: options.LastCount is not null);
    }

    private static LoggedPrediction ToPrediction(DbDataReader row)
    {
        var id = row.GetString(0);
        var prediction = new LoggedPrediction
        {
            RequestId = id,
            Time = PredictionLogTime.Parse(row.GetString(1)),
            Model = row.GetString(2),
            ModelVersion = row.GetString(3),
            Variant = row.GetString(4),
            Features = Features(row.GetString(5), id),
            LatencyMs = row.GetDouble(7),
            FeedbackLabel = row.IsDBNull(8) ? null : row.GetString(8),
        };
        return WithOutput(prediction, row.GetString(6));
    }

    private static Dictionary<string, JsonElement> Features(string json, string id)
    {
        using var document = Parse(json, id, "features");
        var features = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            features[property.Name] = property.Value.Clone();
        }

        return features;
    }

    private static LoggedPrediction WithOutput(LoggedPrediction prediction, string json)
    {
        using var document = Parse(json, prediction.RequestId, "output");
        var output = document.RootElement;
        return prediction with
        {
            Probability = Number(output, "probability"),
            PredictedLabel = output.TryGetProperty("label", out var label) && label.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? label.GetBoolean() : null,
            PredictedClass = output.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            Value = Number(output, "value"),
            RecommendedItems = output.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? [.. items.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("item", out var item) ? item.ToString() : "")]
                : null,
            ColdStart = output.TryGetProperty("cold_start", out var cold) && cold.ValueKind is JsonValueKind.True or JsonValueKind.False ? cold.GetBoolean() : null,
        };
    }

    /// <summary>
    /// The clicks and ratings on recommended items of predictions made since <paramref name="since"/>, by request id
    /// (a log written before the <c>item_feedback</c> table existed has none).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Item, string Label)>> ReadItemFeedback(string databasePath, DateTimeOffset since)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = PredictionLogSchema.TableCount(connection is SqliteConnection ? SqlDialect.Sqlite : SqlDialect.Postgres, "item_feedback");
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return new Dictionary<string, IReadOnlyList<(string, string)>>();
        command.CommandText = PredictionLogQueries.ItemFeedbackSince;
        Add(command, "@since", PredictionLogTime.Text(since));
        var rows = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!rows.TryGetValue(id, out var list)) rows[id] = list = [];
            list.Add((reader.GetString(1), reader.GetString(2)));
        }

        return rows.ToDictionary(p => p.Key, p => (IReadOnlyList<(string, string)>)p.Value, StringComparer.Ordinal);
    }

    private static double? Number(JsonElement output, string name) =>
        output.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static JsonDocument Parse(string json, string id, string column)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }

        throw new InvalidDataException($"Prediction '{id}': the '{column}' column is not a JSON object.");
    }
}
