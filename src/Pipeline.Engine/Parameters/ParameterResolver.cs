using System.Text.Json;
using Pipeline.Engine.Cli;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Parameters;

/// <summary>
/// Injects <c>[Parameter]</c> values in NUKE's order: command line, environment variable (exact name, then
/// case/underscore-insensitive with an optional NUKE_ prefix), <c>.nuke/parameters.json</c> and profiles, else the initializer.
/// </summary>
internal sealed class ParameterResolver(CommandLine commandLine, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> parameterFiles, Action<string> warn)
{
    public void Inject(object build, IReadOnlyList<ParameterMember> members)
    {
        var files = parameterFiles.Where(File.Exists).Select(LoadFile).ToList();
        foreach (var member in members)
        {
            var values = commandLine.Values(member.Name) ?? FromEnvironment(member) ?? FromFiles(member, files);
            if (values is not null) member.SetValue(build, ValueConverter.Convert(values, member.Type, member.CliName, member.Attribute.Separator));
        }
    }

    private IReadOnlyList<string>? FromEnvironment(ParameterMember member)
    {
        if (environment.TryGetValue(member.Name, out var exact)) return [exact];
        var wanted = ParameterNames.Normalize(member.Name);
        var matches = environment.Where(e => ParameterNames.Normalize(e.Key) is var k && (k == wanted || k == "nuke" + wanted)).ToList();
        if (matches.Count > 1)
        {
            warn($"Parameter {member.CliName}: several environment variables match ({string.Join(", ", matches.Select(m => m.Key).Order())}); using none.");
            return null;
        }
        return matches.Count == 1 ? [matches[0].Value] : null;
    }

    private static IReadOnlyList<string>? FromFiles(ParameterMember member, List<Dictionary<string, IReadOnlyList<string>>> files)
    {
        IReadOnlyList<string>? found = null;
        foreach (var file in files)
            if (file.TryGetValue(ParameterNames.Normalize(member.Name), out var v)) found = v;
        return found;
    }

    private static Dictionary<string, IReadOnlyList<string>> LoadFile(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var map = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.StartsWith('$')) continue;
                map[ParameterNames.Normalize(p.Name)] = p.Value.ValueKind == JsonValueKind.Array
                    ? p.Value.EnumerateArray().Select(Text).ToList()
                    : [Text(p.Value)];
            }
            return map;
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not valid JSON ({e.Message}). Fix the file or delete it.");
        }
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
}
