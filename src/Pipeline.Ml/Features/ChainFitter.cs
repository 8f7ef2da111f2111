using Microsoft.ML;
using Microsoft.ML.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// Fits a transform chain step by step on the train view, as ML.NET's EstimatorChain does, but also accepts steps
/// already fitted elsewhere (<see cref="SlotConstants"/>: transforms whose per-slot parameters are train statistics).
/// </summary>
internal sealed class ChainFitter(IDataView train)
{
    private readonly List<ITransformer> steps = [];

    /// <summary>The train rows as transformed by the steps so far (lazy).</summary>
    public IDataView Current { get; private set; } = train;

    /// <summary>The number of steps so far.</summary>
    public int Count => steps.Count;

    /// <summary>Fits <paramref name="estimator"/> on <see cref="Current"/> and appends it.</summary>
    public ChainFitter Add(IEstimator<ITransformer> estimator) => Add(estimator.Fit(Current));

    /// <summary>Appends a fitted step.</summary>
    public ChainFitter Add(ITransformer step)
    {
        steps.Add(step);
        Current = step.Transform(Current);
        return this;
    }

    /// <summary>The fitted chain.</summary>
    public TransformerChain<ITransformer> Build() => new([.. steps]);
}
