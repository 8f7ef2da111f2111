namespace Pipeline.Ml.Ingest;

/// <summary>A connector: opens its source and streams rows, pushing the watermark filter down when it can.</summary>
internal interface IIngestSource
{
    /// <summary>Where the rows come from, for messages (never a password).</summary>
    string Description { get; }

    /// <summary>Opens the source; <paramref name="after"/>, when given, asks for rows whose watermark exceeds it.</summary>
    SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken);
}
