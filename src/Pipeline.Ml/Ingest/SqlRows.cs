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

    /// <summary>Executes <paramref name="command"/> and streams its rows; disposing the result closes everything.</summary>
    public static SourceRows Stream(DbConnection connection, DbCommand command, CancellationToken cancellationToken)
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
