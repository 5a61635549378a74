namespace ArgoEvents.EventBus.Nats;

/// <summary>Checks of subjects and queue groups before they reach the wire.</summary>
public static class NatsSubject
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(" \t\r\n");

    /// <summary>Throws when <paramref name="subject"/> is empty, contains white space, or has an empty token.</summary>
    public static void EnsureValid(string subject, string paramName = "subject")
    {
        ArgumentNullException.ThrowIfNull(subject, paramName);
        var span = subject.AsSpan();
        if (span.Length == 0)
        {
            throw new NatsProtocolArgumentException("A NATS subject must not be empty.", paramName);
        }

        if (span.IndexOfAny(Forbidden) >= 0)
        {
            throw new NatsProtocolArgumentException($"The NATS subject '{subject}' contains white space.", paramName);
        }

        if (span[0] == '.' || span[^1] == '.' || span.Contains("..", StringComparison.Ordinal))
        {
            throw new NatsProtocolArgumentException($"The NATS subject '{subject}' has an empty token.", paramName);
        }
    }

    /// <summary>Throws when a queue group name is empty or contains white space.</summary>
    public static void EnsureValidQueueGroup(string queueGroup, string paramName = "queueGroup")
    {
        ArgumentNullException.ThrowIfNull(queueGroup, paramName);
        if (queueGroup.Length == 0 || queueGroup.AsSpan().IndexOfAny(Forbidden) >= 0)
        {
            throw new NatsProtocolArgumentException($"The queue group '{queueGroup}' must be non-empty and free of white space.", paramName);
        }
    }

    /// <summary>Whether the subject contains a wildcard token (<c>*</c> or <c>&gt;</c>).</summary>
    public static bool HasWildcard(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var span = subject.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if ((c == '*' || c == '>') && (i == 0 || span[i - 1] == '.') && (i == span.Length - 1 || span[i + 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
