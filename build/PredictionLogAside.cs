using System.Globalization;
using Npgsql;
using Pipeline.Engine.Failures;

namespace ReferencePipeline;

/// <summary>
/// Simulate starts from an empty prediction log. Its request ids repeat from run to run (that is what makes it
/// deterministic) and the host keeps the first prediction logged under an id, so an earlier log is moved aside, never
/// deleted: a SQLite file (with its WAL files) is renamed beside itself, PostgreSQL tables move into a schema of their own.
/// </summary>
internal static class PredictionLogAside
{
    private static readonly string[] Tables = ["predictions", "feedback", "item_feedback"];

    /// <summary>Moves the log of <paramref name="setting"/> aside; returns the line saying where it went (null: there was none).</summary>
    public static string? Move(PredictionLogSetting setting, string root, TimeProvider clock)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        return setting.Connection is { } connection ? MoveTables(setting, connection, stamp) : MoveFile(setting.Location(root), root, stamp);
    }

    private static string? MoveFile(string path, string root, string stamp)
    {
        if (!File.Exists(path)) return null;
        var aside = Path.ChangeExtension(path, $".{stamp}.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
        }

        return $"Simulate starts from an empty prediction log; the previous one is now {Path.GetRelativePath(root, aside)}.";
    }

    // NOTE: a schema rather than renamed tables: the indexes move with their tables, so the host's
    // CREATE INDEX IF NOT EXISTS makes the new tables' own instead of finding the old names taken.
    private static string? MoveTables(PredictionLogSetting setting, string connectionString, string stamp)
    {
        var schema = "prediction_log_" + stamp.ToLowerInvariant();
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(" OR ", Tables.Select(t => $"to_regclass('{t}') IS NOT NULL"));
            if (command.ExecuteScalar() is not true) return null;
            command.CommandText = $"CREATE SCHEMA {schema}; " + string.Concat(Tables.Select(t => $"ALTER TABLE IF EXISTS {t} SET SCHEMA {schema}; "));
            command.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (NpgsqlException e)
        {
            throw new InputException($"Cannot move the prediction log {setting} ({PredictionLogSetting.Key}) aside for Simulate: {e.Message}", e);
        }

        return $"Simulate starts from an empty prediction log; the previous one's tables are now in schema {schema} of {setting}.";
    }
}
