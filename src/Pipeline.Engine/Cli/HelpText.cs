using System.Text;
using Pipeline.Engine.Parameters;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Cli;

/// <summary>NUKE's --help layout: targets with their direct dependencies and descriptions, then parameters.</summary>
internal static class HelpText
{
    public static string Render(IReadOnlyList<TargetSpec> specs, IReadOnlyList<ParameterMember> parameters, object build)
    {
        var sb = new StringBuilder("Targets (with their direct dependencies):\n\n");
        var width = specs.Select(s => s.Name.Length + (s.IsDefault ? 10 : 0)).Append(0).Max() + 4;
        foreach (var s in specs)
        {
            var name = s.IsDefault ? $"{s.Name} (default)" : s.Name;
            var deps = s.DependsOn.Count > 0 ? "-> " + string.Join(", ", s.DependsOn) : "";
            sb.Append("  ").AppendLine((name.PadRight(width) + deps).TrimEnd());
            if (s.Description is { } d) sb.Append("    ").AppendLine(d);
        }
        sb.AppendLine("  Track <path>").AppendLine("    Hash a file or directory into the cache and write its .dvc file (like `dvc add`).");

        sb.Append("\nParameters:\n\n");
        var rows = parameters.Where(p => p.Attribute.List)
            .Select(p => (p.CliName, Describe(p, build)))
            .Concat(BuiltInOptions.All).ToList();
        var column = rows.Max(r => r.Item1.Length) + 4;
        foreach (var (name, description) in rows) sb.Append("  ").Append(name.PadRight(column)).AppendLine(description);
        return sb.ToString();
    }

    private static string Describe(ParameterMember p, object build)
    {
        var value = p.GetValue(build) switch
        {
            System.Collections.IEnumerable items and not string => string.Join(' ', items.Cast<object?>()),
            false => null,
            var v => v?.ToString(),
        };
        var text = p.Attribute.Description ?? "";
        return string.IsNullOrEmpty(value) ? text : $"{text} (default: {value})".Trim();
    }
}
