using Pipeline.Engine.Failures;
using Pipeline.Engine.Parameters;

namespace Pipeline.Engine.Cli;

/// <summary>
/// The parsed command line: leading positional tokens are targets; <c>--name v1 v2</c> options hold every value
/// given (a repeated option accumulates). Option names are kept normalized (case, dashes and underscores ignored).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = [];
    private readonly Dictionary<string, string> _spelling = [];

    public IReadOnlyList<string> Positionals { get; private init; } = [];

    /// <summary>The arguments as given.</summary>
    public IReadOnlyList<string> Raw { get; private init; } = [];

    public IEnumerable<string> OptionNames => _spelling.Values;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var positionals = new List<string>();
        var line = new CommandLine { Positionals = positionals, Raw = args.ToArray() };
        List<string>? current = null;
        foreach (var token in args)
        {
            if (IsOptionName(token))
            {
                var spelled = token.TrimStart('-');
                var key = ParameterNames.Normalize(spelled);
                if (key.Length == 0) throw new UsageException($"'{token}' is not a valid option.");
                if (!line._options.TryGetValue(key, out current)) line._options[key] = current = [];
                line._spelling.TryAdd(key, "--" + spelled);
            }
            else if (current is not null) current.Add(token);
            else positionals.Add(token);
        }
        return line;
    }

    public bool Has(string name) => _options.ContainsKey(ParameterNames.Normalize(name));

    /// <summary>All values of an option (empty when given bare); null when the option is absent.</summary>
    public IReadOnlyList<string>? Values(string name) =>
        _options.TryGetValue(ParameterNames.Normalize(name), out var v) ? v : null;

    /// <summary>The single value of an option; a usage error when it is given with several values.</summary>
    public string? Single(string name)
    {
        var values = Values(name);
        if (values is null || values.Count == 0) return null;
        return values.Count == 1 ? values[0] : throw new UsageException($"--{ParameterNames.ToKebab(name)} takes one value, got {values.Count}: {string.Join(' ', values)}.");
    }

    // NOTE: "-1" or "-0.5" are values, not option names, so negative numbers can be passed; so is a quoted token with
    // spaces (no option name has one), so that options of another tool pass through, e.g. --slurm-args "--gres=gpu:1 --time=10".
    private static bool IsOptionName(string token) =>
        token.Length > 1 && token[0] == '-' && !token.Any(char.IsWhiteSpace)
        && !double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);
}
