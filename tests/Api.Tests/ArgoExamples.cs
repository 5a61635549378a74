using System.Reflection;

namespace ArgoEvents.Api.Tests;

/// <summary>Finds Argo's example manifests (shared/argo-examples beside the repository).</summary>
internal static class ArgoExamples
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? Directory => Root.Value;

    public static string MissingMessage =>
        "The Argo example corpus (shared/argo-examples) was not found above the test assembly or the test project folder.";

    private static string? Find()
    {
        var starts = new List<string> { AppContext.BaseDirectory };
        var projectDirectory = typeof(ArgoExamples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        if (projectDirectory is not null)
        {
            starts.Add(projectDirectory);
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "argo-examples"), Path.Combine(dir.FullName, "..", "shared", "argo-examples") })
                {
                    if (System.IO.Directory.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }
}
