namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// A resolved parameter value: its text and whether Argo treats it as a string. Values that are not strings (numbers,
/// booleans, null, objects and arrays found by a key) are JSON text, set as is when <c>useRawData</c> is on.
/// </summary>
/// <param name="Text">The value: plain text for strings, JSON text otherwise.</param>
/// <param name="IsString">Whether Argo's value type is <c>String</c> (templates, literals, whole events and string keys).</param>
internal readonly record struct ParameterValue(string Text, bool IsString)
{
    /// <summary>A value Argo types as a string.</summary>
    public static ParameterValue String(string text) => new(text, true);
}
