namespace ArgoEvents.Sensors.Templates;

/// <summary>A Go template could not be parsed or executed; the message names the position and what was wrong.</summary>
public sealed class GoTemplateException : Exception
{
    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public GoTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the underlying cause.</summary>
    public GoTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public GoTemplateException()
        : base("Go template error")
    {
    }
}
