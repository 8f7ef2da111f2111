using Microsoft.Data.Sqlite;
using Pipeline.Formats.PredictionLog;

namespace Pipeline.Formats.Tests.PredictionLog;

/// <summary>The shared statements run against a real SQLite log created with the shared DDL.</summary>
public sealed class PredictionLogQueriesTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PredictionLogQueriesTests()
    {
        _connection.Open();
        Run(PredictionLogSchema.For(SqlDialect.Sqlite));
        foreach (var added in PredictionLogSchema.AddedColumns) Run(PredictionLogSchema.AddColumn(added));
        Insert("b", Start.AddMinutes(1), "canary");
        Insert("a", Start.AddMinutes(1), "production");
        Insert("c", Start, "production");
        Insert("d", Start.AddMinutes(2), "production");
        Label("a", "1");
        Label("c", "0");
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void InsertPrediction_SameIdTwice_KeepsTheFirst()
    {
        Assert.Equal(0, Insert("a", Start.AddHours(1), "canary"));

        Assert.Equal(["production"], Column("SELECT variant FROM predictions WHERE request_id = 'a'"));
    }

    [Fact]
    public void AddedColumns_AfterTheBaseDdl_ListedByColumnNamesWithEmptyDefaults()
    {
        Assert.Contains("trace_id", Column(PredictionLogSchema.ColumnNames(SqlDialect.Sqlite, "predictions")));
        Assert.Contains("trace_id", Column(PredictionLogSchema.ColumnNames(SqlDialect.Sqlite, "feedback")));
        Assert.Equal([""], Column("SELECT trace_id FROM predictions WHERE request_id = 'c'"));
    }

    [Fact]
    public void PredictionTrace_LoggedAndUnknownIds_TraceIdOrNoRow()
    {
        Assert.Equal(1, Insert("t", Start, "production", "4bf92f3577b34da6a3ce929d0e0e4736"));
        Assert.Equal(1, Label("t", "1", "4bf92f3577b34da6a3ce929d0e0e4736"));

        Assert.Equal(["4bf92f3577b34da6a3ce929d0e0e4736"], Column(PredictionLogQueries.PredictionTrace.Replace("@id", "'t'", StringComparison.Ordinal)));
        Assert.Empty(Column(PredictionLogQueries.PredictionTrace.Replace("@id", "'nope'", StringComparison.Ordinal)));
        Assert.Equal(["4bf92f3577b34da6a3ce929d0e0e4736"], Column("SELECT trace_id FROM feedback WHERE request_id = 't'"));
    }

    [Fact]
    public void InsertFeedback_AlreadyLabelled_ChangesNothing()
    {
        Assert.Equal(0, Label("a", "0"));

        Assert.Equal(["1"], Column("SELECT label FROM feedback WHERE request_id = 'a'"));
    }

    [Fact]
    public void Labelled_OldestFirstTiesByRequestId()
    {
        using var command = Command(PredictionLogQueries.Labelled);

        Assert.Equal(["c", "a"], Read(command, 0));
    }

    [Fact]
    public void Window_AllFilters_NewestFirstWithinTheRangeAndLimit()
    {
        using var command = Command(PredictionLogQueries.Window(since: true, until: true, version: true, variant: true, count: true));
        command.Parameters.AddWithValue("@since", PredictionLogTime.Text(Start));
        command.Parameters.AddWithValue("@until", PredictionLogTime.Text(Start.AddMinutes(2)));
        command.Parameters.AddWithValue("@version", "3");
        command.Parameters.AddWithValue("@variant", "production");
        command.Parameters.AddWithValue("@count", 5);

        Assert.Equal(["a", "c"], Read(command, 0));
    }

    [Fact]
    public void Window_LimitOnly_TheMostRecentWithTheirLabels()
    {
        using var command = Command(PredictionLogQueries.Window(since: false, until: false, version: false, variant: false, count: true));
        command.Parameters.AddWithValue("@count", 2);

        Assert.Equal(["d", "b"], Read(command, 0));
        Assert.Equal(["", "1"], Read(Command(PredictionLogQueries.Window(false, false, false, false, false)), 8)[1..3]);
    }

    [Fact]
    public void Outcomes_OneVariantSinceATime_LabelledRowsOnly()
    {
        using var command = Command(PredictionLogQueries.Outcomes(["@v0"]));
        command.Parameters.AddWithValue("@v0", "production");
        command.Parameters.AddWithValue("@since", PredictionLogTime.Text(Start.AddSeconds(30)));

        Assert.Equal(["1"], Read(command, 2));
    }

    [Fact]
    public void PredictionLogTime_Text_FixedWidthUtcThatParsesBack()
    {
        var time = new DateTimeOffset(2024, 5, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(5);

        var text = PredictionLogTime.Text(time);

        Assert.Equal("2024-05-01T12:00:00.0000005Z", text);
        Assert.Equal(time, PredictionLogTime.Parse(text));
    }

    private int Insert(string id, DateTimeOffset time, string variant, string traceId = "")
    {
        using var command = Command(PredictionLogQueries.InsertPrediction);
        object[] values = [id, PredictionLogTime.Text(time), "fraud", "3", variant, "{}", "{}", 1.5, traceId];
        foreach (var (name, value) in PredictionLogQueries.PredictionParameters.Zip(values)) command.Parameters.AddWithValue("@" + name, value);
        return command.ExecuteNonQuery();
    }

    private int Label(string id, string label, string traceId = "")
    {
        using var command = Command(PredictionLogQueries.InsertFeedback);
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@time", PredictionLogTime.Text(Start.AddHours(1)));
        command.Parameters.AddWithValue("@label", label);
        command.Parameters.AddWithValue("@trace", traceId);
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Run(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private string[] Column(string sql)
    {
        using var command = Command(sql);
        return Read(command, 0);
    }

    private static string[] Read(SqliteCommand command, int column)
    {
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.IsDBNull(column) ? "" : reader.GetString(column));
        return [.. values];
    }
}
