namespace Pipeline.Serving.Models;

/// <summary>The ML.NET column types a served model may read from a request (scalars only).</summary>
internal enum FeatureType
{
    /// <summary>Single-precision number (the pipeline's numeric columns); null or NaN means missing.</summary>
    Single,

    /// <summary>Double-precision number.</summary>
    Double,

    /// <summary>32-bit integer.</summary>
    Int32,

    /// <summary>64-bit integer.</summary>
    Int64,

    /// <summary>Boolean.</summary>
    Boolean,

    /// <summary>Text (the pipeline's categorical, boolean, text and date columns); null means missing (empty).</summary>
    Text,
}
