namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>A gjson path that cannot be compiled; the message names the path and the offending position.</summary>
public sealed class GjsonPathException : FormatException
{
    /// <summary>Creates the error for <paramref name="path"/> at character <paramref name="position"/>.</summary>
    public GjsonPathException(string path, int position, string problem)
        : base($"gjson path '{path}': {problem} at position {position}")
    {
        Path = path;
        Position = position;
    }

    /// <summary>The path that failed to compile.</summary>
    public string Path { get; }

    /// <summary>Zero-based character position of the problem.</summary>
    public int Position { get; }
}
