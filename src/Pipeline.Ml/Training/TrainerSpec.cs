using Microsoft.ML;

namespace Pipeline.Ml.Training;

/// <summary>
/// A trainer the search can pick: its params.yaml name, its hyper-parameter space and a factory building the
/// estimator (on <c>Features</c>/<c>Label</c>) from sampled values. Every estimator is single-threaded and seeded
/// by its MLContext so a trial's result depends only on its configuration and seed.
/// </summary>
internal sealed record TrainerSpec(
    string Name,
    IReadOnlyList<ParamRange> Space,
    Func<MLContext, IReadOnlyDictionary<string, double>, IEstimator<ITransformer>> Create)
{
    /// <summary>Samples one configuration (sorted by parameter name).</summary>
    public SortedDictionary<string, double> Sample(Random random) =>
        new(Space.ToDictionary(p => p.Name, p => p.Sample(random)), StringComparer.Ordinal);
}
