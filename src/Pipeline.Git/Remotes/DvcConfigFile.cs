using System.Text;
using Pipeline.Formats.IO;

namespace Pipeline.Git.Remotes;

/// <summary>
/// One DVC config file (<c>.dvc/config</c> or <c>.dvc/config.local</c>) in configobj format (docs/dvc-format.md §13.1):
/// sections in file order, named sections written after the plain ones, entries indented four spaces.
/// </summary>
internal sealed partial class DvcConfigFile
{
    private const string Indent = "    ";
    private readonly List<ConfigSection> _sections = [];

    /// <summary>The section names in file order.</summary>
    public IEnumerable<string> SectionNames => _sections.Select(s => s.Name);

    /// <summary>Reads a config file; an absent file is an empty config.</summary>
    public static DvcConfigFile Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : new DvcConfigFile();

    /// <summary>The value of <c>section.key</c> (key case-insensitive), or null.</summary>
    public string? Get(string section, string key) => Find(section)?.Get(key);

    /// <summary>Sets <c>section.key</c>, creating the section at the end when it is new.</summary>
    public void Set(string section, string key, string value)
    {
        var s = Find(section);
        if (s is null)
        {
            s = new ConfigSection(section);
            _sections.Add(s);
        }
        s.Set(key, value);
    }

    /// <summary>Removes <c>section.key</c>; an emptied section is removed too.</summary>
    public bool Remove(string section, string key)
    {
        var s = Find(section);
        if (s is null || !s.Remove(key)) return false;
        if (s.Entries.Count == 0) _sections.Remove(s);
        return true;
    }

    /// <summary>The entries of a section (empty when it is absent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries(string section) => Find(section)?.Entries ?? [];

    /// <summary>
    /// Adds or replaces remote <paramref name="name"/>. A URL with a scheme or an absolute path is stored as given; a
    /// path relative to the repository root is stored relative to the <c>.dvc</c> directory with '/' (DVC's <c>_to_relpath</c>).
    /// </summary>
    public void AddRemote(string name, string url, bool makeDefault)
    {
        Set(RemoteSection(name), "url", ToStoredPath(url));
        if (makeDefault) Set("core", "remote", name);
    }

    /// <summary>The section name of remote <paramref name="name"/>: <c>remote "name"</c>.</summary>
    public static string RemoteSection(string name) => $"remote \"{name}\"";

    /// <summary>The file text exactly as configobj writes it ('\n' line ends, final newline; empty config → empty text).</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var section in _sections.Where(s => !s.IsNamed).Concat(_sections.Where(s => s.IsNamed)))
        {
            sb.Append('[').Append(QuoteSectionName(section.Name)).Append("]\n");
            foreach (var (key, value) in section.Entries)
                sb.Append(Indent).Append(key).Append(" = ").Append(QuoteValue(value)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToText());

    /// <summary>Converts a repository-root-relative local path to the form stored in <c>.dvc/config</c>.</summary>
    internal static string ToStoredPath(string url)
    {
        if (HasScheme(url) || Path.IsPathRooted(url)) return url;
        return "../" + url.Replace('\\', '/').TrimStart('/');
    }

    /// <summary>True for <c>s3://…</c>-style URLs (DVC: <c>\w+://</c>).</summary>
    internal static bool HasScheme(string url)
    {
        var i = url.IndexOf("://", StringComparison.Ordinal);
        return i > 0 && url[..i].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    private ConfigSection? Find(string name) => _sections.Find(s => s.Name == name);

    private static string QuoteSectionName(string name) => name.Contains('"', StringComparison.Ordinal) ? $"'{name}'" : name;

    private static string QuoteValue(string value)
    {
        // NOTE: configobj quotes only when it must: empty, outer whitespace, quotes, comma or '#'.
        if (value.Length == 0) return "\"\"";
        var needs = char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.IndexOfAny(['"', '\'', ',', '#']) >= 0;
        if (!needs) return value;
        return value.Contains('"', StringComparison.Ordinal) ? $"'{value}'" : $"\"{value}\"";
    }
}
