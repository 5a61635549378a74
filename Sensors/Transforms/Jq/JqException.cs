namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// A jq program could not be parsed (the message names the construct and its line and column) or failed while
/// running (the message is jq's error message, such as <c>string ("a") and number (1) cannot be added</c>).
/// </summary>
public sealed class JqException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JqException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public JqException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal JqException(object? value, bool isValue)
        : base(JqJson.ErrorMessage(value))
    {
        Value = value;
        IsValue = isValue;
    }

    /// <summary>The jq value the error carries (what <c>try ... catch</c> receives); the message for errors without one.</summary>
    internal object? Value { get; }

    /// <summary>Whether <see cref="Value"/> was raised by <c>error(v)</c> rather than being a plain message.</summary>
    internal bool IsValue { get; }

    /// <summary>The value a <c>catch</c> body receives.</summary>
    internal object? CaughtValue => IsValue ? Value : Message;

    internal static JqException Runtime(string message) => new(message, false);

    internal static JqException Raise(object? value) => new(value, true);
}
