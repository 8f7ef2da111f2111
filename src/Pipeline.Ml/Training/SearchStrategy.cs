namespace Pipeline.Ml.Training;

/// <summary>The hyper-parameter search of <c>train.search</c>.</summary>
public enum SearchStrategy
{
    /// <summary><c>random_halving</c>: random configurations, then successive halving over data fractions ¼, ½, 1 keeping the best third.</summary>
    RandomHalving,

    /// <summary><c>random</c>: random configurations, each trained once on all training rows.</summary>
    Random,
}
