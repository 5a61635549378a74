namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The names of the CloudEvents 1.0 context attributes, and the naming rules for extension attributes.
/// </summary>
public static class CloudEventAttributeNames
{
    /// <summary>The <c>specversion</c> attribute: the CloudEvents version the event uses.</summary>
    public const string SpecVersion = "specversion";

    /// <summary>The <c>id</c> attribute: identifies the event within its source.</summary>
    public const string Id = "id";

    /// <summary>The <c>source</c> attribute: the context in which the event happened (a URI reference).</summary>
    public const string Source = "source";

    /// <summary>The <c>type</c> attribute: the kind of occurrence.</summary>
    public const string Type = "type";

    /// <summary>The <c>subject</c> attribute: the subject of the event within the source.</summary>
    public const string Subject = "subject";

    /// <summary>The <c>datacontenttype</c> attribute: the media type of the data.</summary>
    public const string DataContentType = "datacontenttype";

    /// <summary>The <c>dataschema</c> attribute: the schema the data adheres to (an absolute URI).</summary>
    public const string DataSchema = "dataschema";

    /// <summary>The <c>time</c> attribute: when the occurrence happened.</summary>
    public const string Time = "time";

    /// <summary>The JSON member (not an attribute) that carries the data as a JSON value or string.</summary>
    public const string Data = "data";

    /// <summary>The JSON member (not an attribute) that carries binary data as base64.</summary>
    public const string DataBase64 = "data_base64";

    /// <summary>
    /// Tells whether <paramref name="name"/> can name an extension attribute: one or more of the
    /// ASCII characters a-z and 0-9, and not the name of a context attribute or of the data member.
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>True when the name is allowed for an extension attribute.</returns>
    public static bool IsValidExtensionName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HasAttributeNameCharacters(name) && !IsReserved(name);
    }

    /// <summary>Throws a <see cref="CloudEventValidationException"/> naming the problem when the extension name is not allowed.</summary>
    internal static void EnsureValidExtensionName(string name)
    {
        if (name.Length == 0)
        {
            throw new CloudEventValidationException(name, "A CloudEvent extension attribute name must not be empty.");
        }

        if (!HasAttributeNameCharacters(name))
        {
            throw new CloudEventValidationException(
                name,
                $"'{name}' is not a valid CloudEvent extension attribute name: only lower-case ASCII letters a-z and digits 0-9 are allowed.");
        }

        if (IsReserved(name))
        {
            throw new CloudEventValidationException(
                name,
                $"'{name}' cannot name a CloudEvent extension attribute: it is a context attribute or the data member.");
        }
    }

    private static bool HasAttributeNameCharacters(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsReserved(string name) => name switch
    {
        SpecVersion or Id or Source or Type or Subject or DataContentType or DataSchema or Time or Data => true,
        _ => false,
    };
}
