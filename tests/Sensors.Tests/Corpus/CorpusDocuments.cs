using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// The Sensor documents of Argo's example corpus (<c>shared/argo-examples</c> beside the repository), found from this
/// source file's folder or the test binaries' folder. A document is named by its file (relative to the corpus) and its
/// index among the file's documents.
/// </summary>
internal static partial class CorpusDocuments
{
    private static readonly Lazy<string?> RootDirectory = new(() => Find());

    public static string? Root => RootDirectory.Value;

    public static string MissingMessage =>
        "Argo's example corpus (shared/argo-examples) was not found above the test project folder or the test assembly's folder.";

    /// <summary>Every <c>kind: Sensor</c> document, ordered by file then index.</summary>
    public static IReadOnlyList<(string File, int Document)> All()
    {
        if (Root is not { } root)
        {
            return [];
        }

        var found = new List<(string, int)>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var documents = Split(File.ReadAllText(file));
            for (var i = 0; i < documents.Count; i++)
            {
                if (SensorKind().IsMatch(documents[i]))
                {
                    found.Add((Path.GetRelativePath(root, file), i));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Loads one Sensor document. The other documents of its file are blanked line for line (some files put a
    /// WorkflowTemplate beside the Sensor, which the loader refuses by design), so positions still match the file.
    /// </summary>
    public static Sensor Load(string file, int document)
    {
        var path = Path.Combine(Root ?? throw new InvalidOperationException(MissingMessage), file);
        var lines = File.ReadAllText(path).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var kept = new string[lines.Length];
        var index = 0;
        var hasContent = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("---", StringComparison.Ordinal))
            {
                index += hasContent ? 1 : 0;
                hasContent = false;
                kept[i] = string.Empty;
                continue;
            }

            hasContent |= IsContent(lines[i]);
            kept[i] = index == document ? lines[i] : string.Empty;
        }

        var sensor = ManifestLoader.LoadString(string.Join('\n', kept), path).OfType<Sensor>().Single();
        sensor.EnsureValid();
        return sensor;
    }

    private static List<string> Split(string text)
    {
        var documents = new List<string>();
        var current = new List<string>();
        var hasContent = false;
        foreach (var line in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                if (hasContent)
                {
                    documents.Add(string.Join('\n', current));
                }

                current.Clear();
                hasContent = false;
                continue;
            }

            hasContent |= IsContent(line);
            current.Add(line);
        }

        if (hasContent)
        {
            documents.Add(string.Join('\n', current));
        }

        return documents;
    }

    private static bool IsContent(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#');

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(directory.FullName, "shared", "argo-examples"), Path.Combine(directory.FullName, "..", "shared", "argo-examples") })
                {
                    if (Directory.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^kind:\s*Sensor\s*$", RegexOptions.Multiline)]
    private static partial Regex SensorKind();
}
