using System.Runtime.CompilerServices;

namespace ArgoEvents.EventSources.Tests.Sources.Calendar;

/// <summary>
/// Finds a file of Argo's example corpus (<c>shared/argo-examples/</c>) above the test binaries or above this source
/// file, so it is found whatever artifacts path the build used.
/// </summary>
internal static class ArgoCorpus
{
    public static string Read(string relative, [CallerFilePath] string callerFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(callerFile) ?? string.Empty })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "argo-examples", relative);
                if (File.Exists(candidate))
                {
                    return File.ReadAllText(candidate);
                }
            }
        }

        throw new FileNotFoundException($"The corpus file {relative} was not found above {AppContext.BaseDirectory} nor above {callerFile}.");
    }
}
