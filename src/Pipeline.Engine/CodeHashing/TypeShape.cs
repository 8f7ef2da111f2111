using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Engine.CodeHashing;

/// <summary>
/// The declared shape of an own data type (attributes, base type, fields, properties), hashed because reflection-driven
/// libraries (ML.NET schemas, serializers) turn it into behaviour without any IL of ours calling it.
/// </summary>
internal static class TypeShape
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The md5 of the shape of <paramref name="type"/>.</summary>
    public static byte[] Hash(Type type, StableNames names)
    {
        var text = new StringBuilder();
        text.Append("type ").Append(names.Type(type)).Append(" : ").Append(type.BaseType is { } b ? names.Type(b) : "")
            .Append(' ').Append(type.Attributes).Append(Attributes(type.CustomAttributes, names)).Append('\n');
        foreach (var field in type.GetFields(Declared).OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append("field ").Append(names.Field(field)).Append(' ').Append(field.Attributes)
                .Append(Attributes(field.CustomAttributes, names)).Append('\n');
        foreach (var property in type.GetProperties(Declared).OrderBy(p => p.Name, StringComparer.Ordinal))
            text.Append("property ").Append(property.Name).Append(':').Append(names.Type(property.PropertyType))
                .Append(Attributes(property.CustomAttributes, names)).Append('\n');
        return MD5.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Attributes(IEnumerable<CustomAttributeData> attributes, StableNames names) =>
        string.Concat(attributes
            .Select(a => " [" + names.Method(a.Constructor) + " " + a + "]")
            .Order(StringComparer.Ordinal));
}
