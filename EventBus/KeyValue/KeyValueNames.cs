namespace ArgoEvents.EventBus.KeyValue;

/// <summary>Checks of bucket names, keys and key filters (ADR-8).</summary>
public static class KeyValueNames
{
    /// <summary>Throws unless the bucket name is non-empty and uses only letters, digits, '_' and '-'.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="paramName">The parameter that carried it.</param>
    public static void EnsureValidBucket(string bucket, string paramName = "bucket")
    {
        ArgumentNullException.ThrowIfNull(bucket, paramName);
        if (bucket.Length == 0)
        {
            throw new ArgumentException("A key-value bucket name must not be empty.", paramName);
        }

        for (var i = 0; i < bucket.Length; i++)
        {
            var c = bucket[i];
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                throw new ArgumentException($"The bucket name '{bucket}' has '{c}' at position {i}; bucket names use only letters, digits, '_' and '-'.", paramName);
            }
        }
    }

    /// <summary>
    /// Throws unless the key is non-empty, uses only letters, digits and '-', '/', '_', '=', '.', and neither starts
    /// nor ends with '.' nor has an empty token.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="paramName">The parameter that carried it.</param>
    public static void EnsureValidKey(string key, string paramName = "key") => EnsureValid(key, paramName, allowWildcards: false);

    /// <summary>Like <see cref="EnsureValidKey"/>, but tokens may also be '*' and the last token '&gt;'.</summary>
    /// <param name="filter">The key filter.</param>
    /// <param name="paramName">The parameter that carried it.</param>
    public static void EnsureValidKeyFilter(string filter, string paramName = "keys") => EnsureValid(filter, paramName, allowWildcards: true);

    private static void EnsureValid(string key, string paramName, bool allowWildcards)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        var kind = allowWildcards ? "key filter" : "key";
        if (key.Length == 0)
        {
            throw new ArgumentException($"A {kind} must not be empty.", paramName);
        }

        if (key[0] == '.' || key[^1] == '.' || key.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {kind} '{key}' has an empty token: it must not start or end with '.', nor contain '..'.", paramName);
        }

        var tokenStart = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i < key.Length && key[i] != '.')
            {
                continue;
            }

            var token = key.AsSpan(tokenStart, i - tokenStart);
            if (allowWildcards && (token is "*" || (token is ">" && i == key.Length)))
            {
                tokenStart = i + 1;
                continue;
            }

            for (var j = 0; j < token.Length; j++)
            {
                var c = token[j];
                if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '/' && c != '_' && c != '=')
                {
                    var where = tokenStart + j;
                    var hint = allowWildcards ? " ('*' must be a whole token, '>' the whole last token)" : "";
                    throw new ArgumentException($"The {kind} '{key}' has '{c}' at position {where}; keys use only letters, digits and '-', '/', '_', '=', '.'{hint}.", paramName);
                }
            }

            tokenStart = i + 1;
        }
    }
}
