using System.Text;

namespace Pipeline.Engine.Parameters;

/// <summary>NUKE's name rules: kebab-case on the command line, matching that ignores case, dashes and underscores.</summary>
internal static class ParameterNames
{
    /// <summary><c>LearningRate</c> → <c>learning-rate</c>, <c>MLModel</c> → <c>ml-model</c>.</summary>
    public static string ToKebab(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = char.IsUpper(c) && i > 0 &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            sb.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>Letters and digits only, lower case: the form every spelling of a name is compared in.</summary>
    public static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
