using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pipeline.Formats.PredictionLog;

namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>
/// Reads the predictions that received feedback from the serving host's prediction log (tables <c>predictions</c> and
/// <c>feedback</c>): a SQLite file, or a PostgreSQL database when the location is a connection string.
/// </summary>
internal static class LabelledTraffic
{
    /// <summary>True when <paramref name="location"/> is an ADO.NET connection string (key=value pairs) rather than a file path.</summary>
    public static bool IsConnectionString(string location) => PredictionLogLocation.IsConnectionString(location);

    /// <summary>Where the log is, for messages (never a password).</summary>
    public static string Describe(string location) =>
        IsConnectionString(location) ? PostgresSource.Describe(location) : $"prediction log {location}";

    /// <summary>
    /// Streams the labelled predictions; a log file that does not exist yet has none (nothing has been served).
    /// </summary>
    public static IEnumerable<LabelledPrediction> Read(string location, string baseDirectory, CancellationToken cancellationToken)
    {
        using var connection = Open(location, baseDirectory);
        if (connection is null) yield break;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PredictionLogQueries.Labelled;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new LabelledPrediction(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
    }

    private static DbConnection? Open(string location, string baseDirectory)
    {
        if (IsConnectionString(location)) return new NpgsqlConnection(location);
        var path = Path.GetFullPath(location, baseDirectory);
        if (!File.Exists(path)) return null;
        return new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
    }
}
