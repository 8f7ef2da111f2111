using System.Data.Common;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>Shared SQL plumbing: the (optionally watermark-filtered) query and streaming a data reader.</summary>
internal static class SqlRows
{
    /// <summary>
    /// The query to run: <paramref name="query"/> or <c>SELECT * FROM "table"</c>; with a watermark it is wrapped as
    /// <c>SELECT * FROM (query) AS src WHERE "column" &gt; @watermark</c> so the database does the filtering.
    /// </summary>
    public static string Build(string? query, string table, WatermarkFilter? after)
    {
        var baseQuery = string.IsNullOrWhiteSpace(query) ? $"SELECT * FROM {Quote(table)}" : query.Trim().TrimEnd(';').Trim();
        return after is null ? baseQuery : $"SELECT * FROM ({baseQuery}) AS src WHERE {Quote(after.Column)} > @watermark";
    }

    /// <summary>
    /// Opens <paramref name="connection"/>, runs <see cref="Build"/>'s query with the watermark parameter bound by
    /// <paramref name="bindWatermark"/> (provider-specific typing) and streams the rows; disposing the result closes
    /// everything, and a failure before that disposes the connection.
    /// </summary>
    public static SourceRows Open(DbConnection connection, string? query, string table, WatermarkFilter? after, Action<DbCommand, WatermarkFilter> bindWatermark, CancellationToken cancellationToken)
    {
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = Build(query, table, after);
            if (after is not null) bindWatermark(command, after);
            return Stream(connection, command, cancellationToken);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SourceRows Stream(DbConnection connection, DbCommand command, CancellationToken cancellationToken)
    {
        var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        return new SourceRows(columns, Read(reader, cancellationToken), new Owner(reader, command, connection));
    }

    private static IEnumerable<string?[]> Read(DbDataReader reader, CancellationToken cancellationToken)
    {
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            reader.GetValues(values);
            var row = new string?[values.Length];
            for (var i = 0; i < values.Length; i++) row[i] = SnapshotValue.Format(values[i]);
            yield return row;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Owner(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts) part.Dispose();
        }
    }
}
