using System.Text.Json;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rollouts;

/// <summary>Loads a candidate version beside the live model, checks it reads the same features, and smoke-tests it.</summary>
internal static class CandidateLoader
{
    /// <summary>Loads <see cref="RolloutPlan.Version"/> from the registry answering as <paramref name="variant"/>.</summary>
    public static ServedModel Load(ServingOptions options, RolloutPlan plan, ServedModel live, string variant)
    {
        if (plan.Version == live.Version.ToString() && plan.Strategy != RolloutStrategy.Direct)
        {
            throw RequestRejectedException.Invalid($"{plan.Version} is already live; roll out another version.");
        }

        var folder = Path.Combine(options.RegistryPath, options.ModelName, plan.Version);
        if (!Directory.Exists(folder))
        {
            var registered = Directory.Exists(Path.GetDirectoryName(folder)) ? string.Join(", ", Directory.GetDirectories(Path.GetDirectoryName(folder)!).Select(Path.GetFileName).Order()) : "none";
            throw new RequestRejectedException(Rejection.NotFound, $"Version {plan.Version} of '{options.ModelName}' is not registered in {options.RegistryPath}. Registered: {registered}.");
        }

        ServedModel candidate;
        try
        {
            candidate = ModelLoader.Load(folder, options.ModelName, variant);
        }
        // NOTE: ML.NET reports a corrupt or incompatible model.zip with many exception types; any of them means "not deployable".
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw RequestRejectedException.Invalid($"Version {plan.Version} could not be loaded from {folder}: {e.Message}");
        }

        var expected = string.Join(", ", live.Features.Columns.Select(c => $"{c.Name}:{c.Type}"));
        var actual = string.Join(", ", candidate.Features.Columns.Select(c => $"{c.Name}:{c.Type}"));
        return expected == actual
            ? candidate
            : throw RequestRejectedException.Invalid($"Version {plan.Version} reads features ({actual}), the live {live.Version} reads ({expected}); a rollout needs the same request schema.");
    }

    /// <summary>Scores the smoke rows (when given) on the candidate; every score must be a finite number.</summary>
    public static void SmokeTest(ServedModel candidate, IReadOnlyList<JsonElement>? rows)
    {
        if (rows is not { Count: > 0 })
        {
            return;
        }

        var parsed = FeatureRows.FromObjects(candidate.Features, rows, "smoke_rows");
        Prediction[] predictions;
        try
        {
            predictions = candidate.Predict(parsed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw RequestRejectedException.Invalid($"Smoke test of {candidate.Version} failed: {e.Message}");
        }

        var bad = predictions.Select((p, i) => (p, i)).Where(x => !float.IsFinite(x.p.Score)).Select(x => x.i).ToList();
        if (bad.Count > 0)
        {
            throw RequestRejectedException.Invalid($"Smoke test of {candidate.Version} failed: smoke_rows[{string.Join(", ", bad)}] scored a non-finite value.");
        }
    }
}
