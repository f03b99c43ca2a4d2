using System.Text.RegularExpressions;

namespace AdminMfaWatchdog.Infrastructure.Tests.Deployment;

/// <summary>
/// What can be read from infra/*.bicep without the Bicep compiler (there is none on these machines;
/// CI compiles it): the app settings main.bicep sets and the module files it references.
/// </summary>
internal static partial class BicepTemplate
{
    public sealed record AppSetting(string Name, string Value);

    public static readonly string Directory = RepositoryFiles.PathOf("infra");

    public static IEnumerable<string> Files() => System.IO.Directory.EnumerateFiles(Directory, "*.bicep", SearchOption.AllDirectories);

    /// <summary>Every <c>{ name: '...', value: ... }</c> object of main.bicep: the Function App's app settings.</summary>
    public static IReadOnlyList<AppSetting> AppSettings() =>
        NameValue().Matches(File.ReadAllText(Path.Combine(Directory, "main.bicep")))
            .Select(m => new AppSetting(m.Groups["name"].Value, m.Groups["value"].Value.Trim()))
            .ToArray();

    /// <summary>(referencing file, module path as written) of every <c>module x 'path'</c>.</summary>
    public static IEnumerable<(string File, string ModulePath)> ModuleReferences() =>
        Files().SelectMany(file => ModuleReference().Matches(File.ReadAllText(file)).Select(m => (file, m.Groups[1].Value)));

    /// <summary>The <c>${...}</c> interpolations of a name, as written.</summary>
    public static IEnumerable<string> Interpolations(string name) => Interpolation().Matches(name).Select(m => m.Value);

    /// <summary>The name with each <c>${...}</c> interpolation replaced by <paramref name="replacement"/>.</summary>
    public static string WithoutInterpolations(string name, string replacement) => Interpolation().Replace(name, replacement);

    // The value runs to the end of its line, without the "}" that closes a one-line object.
    [GeneratedRegex(@"name:\s*'(?<name>[^']+)'\s*,?\s*value:\s*(?<value>[^\n]*?)\s*\}?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex NameValue();

    [GeneratedRegex(@"^module\s+\w+\s+'([^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();
}
