using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Ui.Models;

/// <summary>
/// The Models page's "start a rollout" form as the admin API's <see cref="RolloutRequest"/>: a registered version, a
/// strategy, and for a canary optional steps and hold time (empty: the host's defaults, 5,25,50,100 % and 300 s).
/// </summary>
internal static class RolloutForm
{
    /// <summary>The strategies the admin API knows, in the order the form offers them.</summary>
    public static readonly string[] Strategies = ["canary", "blue-green", "direct", "ab-test", "shadow"];

    /// <summary>The request, or the one line saying which field is wrong and how to fix it.</summary>
    public static (RolloutRequest? Request, string? Problem) Read(IFormCollection? form, string registry, string model)
    {
        var versionText = Field(form, "version");
        if (!ModelVersion.TryParse(versionText, out var version) || !RegistryFolder.Versions(registry, model).Contains(version))
            return (null, $"'{versionText}' is not a registered version of {model}; nothing was started.");
        var strategy = Field(form, "strategy");
        if (!Strategies.Contains(strategy, StringComparer.Ordinal))
            return (null, $"Strategy '{strategy}' is unknown: choose {string.Join(", ", Strategies)}; nothing was started.");
        List<int>? steps = null;
        if (Field(form, "steps") is { Length: > 0 } stepsText)
        {
            steps = [];
            foreach (var part in stepsText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent is < 1 or > 100)
                    return (null, $"Steps '{stepsText}' must be percentages 1..100 separated by commas, ending at 100 (e.g. 5,25,50,100); nothing was started.");
                steps.Add(percent);
            }
        }
        var hold = 300.0;
        if (Field(form, "hold_seconds") is { Length: > 0 } holdText
            && (!double.TryParse(holdText, NumberStyles.Float, CultureInfo.InvariantCulture, out hold) || !double.IsFinite(hold) || hold < 0))
            return (null, $"Hold '{holdText}' must be a number of seconds, 0 or more; nothing was started.");
        return (new RolloutRequest { Strategy = strategy, Version = version.ToString(), Steps = steps, HoldSeconds = hold }, null);
    }

    private static string Field(IFormCollection? form, string name) =>
        form is not null && form.TryGetValue(name, out var value) && value.Count == 1 ? value[0]?.Trim() ?? "" : "";
}
