namespace ArgoEvents.Sensors.Parameters;

/// <summary>How a parameter's value combines with what is already at its <c>dest</c>.</summary>
internal enum ParameterOperation
{
    /// <summary><c>overwrite</c> or unset: the value replaces the current one.</summary>
    Overwrite,

    /// <summary><c>append</c>: the current value's text, then the new value.</summary>
    Append,

    /// <summary><c>prepend</c>: the new value, then the current value's text.</summary>
    Prepend,

    /// <summary>Any other word: refused when the parameter is applied, as Argo does.</summary>
    Unsupported,
}
