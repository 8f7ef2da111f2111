using System.Text;

namespace Pipeline.Formats.PredictionLog;

/// <summary>
/// Every statement run against the prediction log, in one place next to its <see cref="PredictionLogSchema"/>. The
/// same text runs on SQLite and PostgreSQL unless a member says otherwise; parameters are named <c>@name</c> and bound
/// by the caller's driver.
/// </summary>
public static class PredictionLogQueries
{
    private const string PredictionColumns = "request_id, time, model, model_version, variant, features, output, latency_ms, trace_id";

    /// <summary>The parameters of <see cref="InsertPrediction"/> and <see cref="InsertPredictionBatch"/>, in column order.</summary>
    public static IReadOnlyList<string> PredictionParameters { get; } = ["id", "time", "model", "version", "variant", "features", "output", "latency", "trace"];

    /// <summary>Inserts one prediction; an id seen again is ignored.</summary>
    public const string InsertPrediction = "INSERT INTO predictions (" + PredictionColumns + ") " +
        "VALUES (@id, @time, @model, @version, @variant, @features, @output, @latency, @trace) ON CONFLICT (request_id) DO NOTHING";

    /// <summary>
    /// PostgreSQL only: inserts a whole batch in one statement, each parameter an array (one element per prediction).
    /// </summary>
    // NOTE: one statement per batch (arrays unnested on the server): a statement per row would cost a network round
    // trip per prediction, which is what limits a PostgreSQL writer. One statement is one transaction.
    public const string InsertPredictionBatch = "INSERT INTO predictions (" + PredictionColumns + ") " +
        "SELECT * FROM unnest(@id, @time, @model, @version, @variant, @features, @output, @latency, @trace) ON CONFLICT (request_id) DO NOTHING";

    /// <summary>
    /// The trace id of the prediction with request id <c>@id</c> (empty when it was logged without one); no row when
    /// no such prediction was logged.
    /// </summary>
    public const string PredictionTrace = "SELECT trace_id FROM predictions WHERE request_id = @id";

    /// <summary>
    /// Stores a label (<c>@id</c>, <c>@time</c>, <c>@label</c>, and <c>@trace</c>: the trace id of the prediction it
    /// labels, so the feedback links to the request's trace); a request id already labelled is left alone (0 rows).
    /// </summary>
    public const string InsertFeedback = "INSERT INTO feedback (request_id, time, label, trace_id) VALUES (@id, @time, @label, @trace) ON CONFLICT (request_id) DO NOTHING";

    /// <summary>
    /// The output and trace id of the prediction with request id <c>@id</c> (a recommendation's output lists the
    /// returned items); no row when no such prediction was logged.
    /// </summary>
    public const string PredictionOutput = "SELECT output, trace_id FROM predictions WHERE request_id = @id";

    /// <summary>
    /// Stores a click or rating (<c>@label</c>) on item <c>@item</c> of the recommendation <c>@id</c>, with <c>@time</c>
    /// and the recommendation's trace id <c>@trace</c>; an item already labelled for that request is left alone (0 rows).
    /// </summary>
    public const string InsertItemFeedback = "INSERT INTO item_feedback (request_id, item, time, label, trace_id) VALUES (@id, @item, @time, @label, @trace) ON CONFLICT (request_id, item) DO NOTHING";

    /// <summary>
    /// <c>request_id, item, label</c> of the item feedback on predictions made since <c>@since</c> (inclusive), ordered
    /// by request id and item.
    /// </summary>
    public const string ItemFeedbackSince =
        "SELECT f.request_id, f.item, f.label FROM item_feedback f JOIN predictions p ON p.request_id = f.request_id " +
        "WHERE p.time >= @since ORDER BY f.request_id, f.item";

    /// <summary>
    /// <c>request_id, features, label</c> of every labelled prediction, oldest first, ties by request id (so appended
    /// rows come in the same order on every run).
    /// </summary>
    public const string Labelled =
        "SELECT p.request_id, p.features, f.label FROM predictions p JOIN feedback f ON f.request_id = p.request_id " +
        "ORDER BY p.time, p.request_id";

    /// <summary>
    /// <c>variant, output, label</c> of the labelled predictions since <c>@since</c> whose variant is one of the
    /// given parameters (e.g. <c>@v0, @v1</c>).
    /// </summary>
    public static string Outcomes(IEnumerable<string> variantParameters) =>
        "SELECT p.variant, p.output, f.label FROM predictions p JOIN feedback f ON f.request_id = p.request_id " +
        $"WHERE p.time >= @since AND p.variant IN ({string.Join(", ", variantParameters)})";

    /// <summary>
    /// A window of predictions with their labels (<c>request_id, time, model, model_version, variant, features,
    /// output, latency_ms, label</c>), newest first, ties by request id: filtered by <c>@since</c> (inclusive),
    /// <c>@until</c> (exclusive), <c>@version</c> and <c>@variant</c>, and limited to <c>@count</c> rows, each only
    /// when asked for.
    /// </summary>
    public static string Window(bool since, bool until, bool version, bool variant, bool count)
    {
        var sql = new StringBuilder(
            "SELECT p.request_id, p.time, p.model, p.model_version, p.variant, p.features, p.output, p.latency_ms, f.label " +
            "FROM predictions p LEFT JOIN feedback f ON f.request_id = p.request_id WHERE 1 = 1");
        if (since) sql.Append(" AND p.time >= @since");
        if (until) sql.Append(" AND p.time < @until");
        if (version) sql.Append(" AND p.model_version = @version");
        if (variant) sql.Append(" AND p.variant = @variant");
        sql.Append(" ORDER BY p.time DESC, p.request_id DESC");
        if (count) sql.Append(" LIMIT @count");
        return sql.ToString();
    }
}
