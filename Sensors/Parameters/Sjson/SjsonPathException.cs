namespace ArgoEvents.Sensors.Parameters.Sjson;

/// <summary>An sjson path cannot be used: it is empty, uses gjson query syntax, or does not fit the document.</summary>
internal sealed class SjsonPathException : FormatException
{
    /// <summary>Creates the exception for <paramref name="path"/> with what was wrong.</summary>
    public SjsonPathException(string path, string problem)
        : base($"sjson path '{path}': {problem}")
    {
        Path = path;
    }

    /// <summary>The path as written.</summary>
    public string Path { get; }
}
