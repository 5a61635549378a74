namespace ArgoEvents.Testing;

/// <summary>The temp directories the server harnesses work in.</summary>
public static class ScratchDirectory
{
    /// <summary>
    /// Deletes <paramref name="path"/> and everything in it, as far as possible: a leftover temp directory is harmless,
    /// and failing a test over it would hide the real result.
    /// </summary>
    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
