using Pipeline.Engine.Failures;
using Pipeline.Engine.Parameters;

namespace Pipeline.Engine.Cli;

/// <summary>Rejects options that are neither built in nor a parameter of the build, suggesting the closest name.</summary>
internal static class OptionValidator
{
    public static void Check(CommandLine line, IReadOnlyList<ParameterMember> parameters)
    {
        var known = BuiltInOptions.Names.Concat(parameters.Select(p => p.CliName)).ToList();
        var normalized = known.Select(ParameterNames.Normalize).ToHashSet();
        foreach (var option in line.OptionNames)
        {
            if (normalized.Contains(ParameterNames.Normalize(option))) continue;
            var suggestion = Suggestions.Closest(option, known);
            var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
            throw new UsageException($"Unknown option '{option}'.{hint} Run ./build.sh --help to list the options.");
        }
    }
}
