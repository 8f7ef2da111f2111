namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>What <see cref="FeedbackIngest.Append"/> did: rows appended, and labelled predictions already in the snapshot.</summary>
/// <param name="Appended">Labelled predictions appended as new rows.</param>
/// <param name="AlreadyPresent">Labelled predictions whose key the snapshot already had (from an earlier incremental load).</param>
/// <param name="IgnoredFields">Logged fields that are not snapshot columns, by name (the model's input may have changed).</param>
public sealed record FeedbackResult(long Appended, long AlreadyPresent, IReadOnlyList<string> IgnoredFields)
{
    /// <summary>Labelled predictions kept out of the snapshot because their label does not fit the dataset (see the quarantine file).</summary>
    public long Quarantined { get; init; }
}
