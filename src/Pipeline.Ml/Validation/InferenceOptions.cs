using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>Options of schema inference (<c>validate.*</c> in params.yaml, see each member).</summary>
public sealed record InferenceOptions
{
    /// <summary>The largest number of distinct values a categorical column records as its domain (<c>validate.max_categories</c>, 100).</summary>
    public int MaxCategories { get; init; } = 100;

    /// <summary>
    /// A string column whose values average at least this many characters (or <see cref="ColumnKindInference.TextMinMeanWords"/>
    /// words) is text (<c>validate.text_min_length</c>, 40); the other kind rules are <see cref="ColumnKindInference"/>'s.
    /// </summary>
    public int TextMinLength { get; init; } = (int)ColumnKindInference.TextMinMeanLength;

    /// <summary>A column whose values must be unique (<c>data.key</c>, none).</summary>
    public string? Key { get; init; }

    /// <summary>The positive class of a binary label (<c>data.positive_class</c>; default the second sorted class).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>The largest number of label classes accepted for classification (1000).</summary>
    public int MaxLabelClasses { get; init; } = 1000;

    /// <summary>Kinds forced per column, overriding inference (<c>validate.kinds.&lt;column&gt;</c>).</summary>
    public IReadOnlyDictionary<string, ColumnKind> Kinds { get; init; } = new Dictionary<string, ColumnKind>();
}
