using System.Runtime.CompilerServices;

namespace ArgoEvents.EventSources.Tests.Sources.Sns;

/// <summary>
/// Argo's example manifests (the compatibility corpus under <c>shared/argo-examples</c>), found from this source
/// file's folder or the test binaries' folder, so they load whatever artifacts path the build used. A missing file
/// fails the test: an example test that silently ran something else could not fail.
/// </summary>
public static class ArgoExampleManifests
{
    /// <summary>The text of <paramref name="relative"/> (such as <c>event-sources/github.yaml</c>).</summary>
    public static string Read(string relative, [CallerFilePath] string callerFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(callerFile), AppContext.BaseDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "argo-examples", relative);
                if (System.IO.File.Exists(candidate))
                {
                    return System.IO.File.ReadAllText(candidate);
                }
            }
        }

        throw new FileNotFoundException($"Argo's example {relative} was not found under any shared/argo-examples above {callerFile} or {AppContext.BaseDirectory}.");
    }
}
