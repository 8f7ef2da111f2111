using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Engine.CodeHashing;

/// <summary>The listing line that stands for an outside assembly: its code is not hashed, only its identity and version.</summary>
internal static class ExternalAssemblyLine
{
    private static readonly string? SharedFrameworkRoot = FindSharedFrameworkRoot();

    /// <summary>"&lt;md5 of the text&gt; [assembly] Name Version" (plus the package version for non-framework assemblies).</summary>
    public static string For(Assembly assembly)
    {
        var text = $"[assembly] {assembly.GetName().Name} {assembly.GetName().Version}{PackageVersion(assembly)}";
        return $"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)))} {text}";
    }

    // NOTE: many packages keep AssemblyVersion fixed across releases (e.g. 1.0.0.0), so the informational (package)
    // version is added, without its "+commit" suffix. Shared-framework assemblies are left at AssemblyVersion so that
    // a runtime patch (10.0.1 -> 10.0.2) on one machine does not re-run every target.
    private static string PackageVersion(Assembly assembly)
    {
        if (IsSharedFramework(assembly)) return "";
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational)) return "";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return " " + (plus < 0 ? informational : informational[..plus]);
    }

    private static bool IsSharedFramework(Assembly assembly) =>
        SharedFrameworkRoot is not null && !string.IsNullOrEmpty(assembly.Location) &&
        assembly.Location.StartsWith(SharedFrameworkRoot, StringComparison.Ordinal);

    // NOTE: a framework-dependent app runs from <dotnet>/shared/Microsoft.NETCore.App/<version>/; every shared
    // framework (ASP.NET Core included) lives under <dotnet>/shared/. A self-contained app has no such folder.
    private static string? FindSharedFrameworkRoot()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var shared = runtime.Parent?.Parent;
        return shared is { Name: "shared" } ? shared.FullName + Path.DirectorySeparatorChar : null;
    }
}
