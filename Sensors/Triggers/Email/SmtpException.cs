namespace ArgoEvents.Sensors.Triggers.Email;

/// <summary>The SMTP server refused a command, or the conversation broke off; the message says which and what it answered.</summary>
internal sealed class SmtpException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmtpException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SmtpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the connection can still be used (the server refused one transaction, and said so).</summary>
    public bool ConnectionUsable { get; init; }
}
