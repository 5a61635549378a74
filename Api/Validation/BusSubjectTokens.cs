namespace ArgoEvents.Api.Validation;

/// <summary>
/// Our rule, beyond Argo's: the EventSource name and each event name become tokens of the bus subject
/// <c>default.&lt;eventSourceName&gt;.&lt;eventName&gt;</c>, and the stream only takes subjects
/// <c>default.*.*</c>. A '.', '*', '&gt;' or whitespace would give an event no stream to land in.
/// </summary>
internal static class BusSubjectTokens
{
    /// <summary>Null when <paramref name="name"/> can be one subject token; otherwise why not.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        foreach (var c in name)
        {
            if (c is '.' or '*' or '>' || char.IsWhiteSpace(c))
            {
                return $"must not contain '.', '*', '>' or whitespace, because it becomes one token of the bus subject default.<eventSourceName>.<eventName>; got '{name}'";
            }
        }

        return null;
    }
}
