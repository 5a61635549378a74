namespace ArgoEvents.EventBus.JetStream;

/// <summary>Checks of stream and consumer names, which become subject tokens of the API.</summary>
public static class JetStreamNames
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(" \t\r\n.*>/\\");

    /// <summary>Throws when a stream name is empty or contains white space, '.', '*', '&gt;', '/' or '\'.</summary>
    /// <param name="name">The stream name.</param>
    /// <param name="paramName">The parameter that carried it.</param>
    public static void EnsureValidStreamName(string name, string paramName = "stream") => EnsureValid(name, "stream", paramName);

    /// <summary>Throws when a consumer name is empty or contains white space, '.', '*', '&gt;', '/' or '\'.</summary>
    /// <param name="name">The consumer name.</param>
    /// <param name="paramName">The parameter that carried it.</param>
    public static void EnsureValidConsumerName(string name, string paramName = "consumer") => EnsureValid(name, "consumer", paramName);

    private static void EnsureValid(string name, string kind, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (name.Length == 0)
        {
            throw new ArgumentException($"A {kind} name must not be empty.", paramName);
        }

        var bad = name.AsSpan().IndexOfAny(Forbidden);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"The {kind} name '{name}' contains '{Printable(name[bad])}' at position {bad}; names cannot contain white space, '.', '*', '>', '/' or '\\'.",
                paramName);
        }
    }

    private static string Printable(char c) => c switch
    {
        ' ' => "space",
        '\t' => "tab",
        '\r' => "\\r",
        '\n' => "\\n",
        _ => c.ToString(),
    };
}
