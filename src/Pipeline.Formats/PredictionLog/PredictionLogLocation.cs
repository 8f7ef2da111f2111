namespace Pipeline.Formats.PredictionLog;

/// <summary>Where a prediction log is: a SQLite file path, or a PostgreSQL database named by a connection string.</summary>
public static class PredictionLogLocation
{
    /// <summary>True when <paramref name="location"/> is an ADO.NET connection string (key=value pairs) rather than a file path.</summary>
    public static bool IsConnectionString(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Contains('=', StringComparison.Ordinal);
    }
}
