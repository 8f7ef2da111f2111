using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Engine.CodeHashing;

/// <summary>The listing line that stands for an outside assembly: its code is not hashed, only its identity and version.</summary>
internal static class ExternalAssemblyLine
{
    private const string FrameworkMarker = ".NETFrameworkAssembly";

    /// <summary>"&lt;md5 of the text&gt; [assembly] Name Version" (plus the package version for non-framework assemblies).</summary>
    public static string For(Assembly assembly)
    {
        var text = $"[assembly] {assembly.GetName().Name} {assembly.GetName().Version}{PackageVersion(assembly)}";
        return $"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)))} {text}";
    }

    // NOTE: many packages keep AssemblyVersion fixed across releases (e.g. 1.0.0.0), so the informational (package)
    // version is added, without its "+commit" suffix. Framework assemblies are left at AssemblyVersion so that a
    // runtime patch (10.0.1 -> 10.0.2) on one machine does not re-run every target.
    private static string PackageVersion(Assembly assembly)
    {
        if (assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Any(a => a.Key == FrameworkMarker)) return "";
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational)) return "";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return " " + (plus < 0 ? informational : informational[..plus]);
    }
}
