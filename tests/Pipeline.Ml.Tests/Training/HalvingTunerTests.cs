using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public sealed class HalvingTunerTests
{
    private static TrialConfig Config(int index) => new(index, "sdca", []);

    [Fact]
    public void LongestFirst_TimesOfThePreviousRung_LongestStartFirst()
    {
        var configs = new[] { Config(3), Config(5), Config(7) };

        Assert.Equal([1, 2, 0], HalvingTuner.LongestFirst(configs, new Dictionary<int, long> { [3] = 100, [5] = 300, [7] = 200, [9] = 900 }));
    }

    [Fact]
    public void LongestFirst_FirstRungOrTies_SamplingOrder()
    {
        var configs = new[] { Config(0), Config(1), Config(2) };

        Assert.Equal([0, 1, 2], HalvingTuner.LongestFirst(configs, new Dictionary<int, long>()));
        Assert.Equal([1, 0, 2], HalvingTuner.LongestFirst(configs, new Dictionary<int, long> { [0] = 5, [1] = 9, [2] = 5 }));
    }
}
