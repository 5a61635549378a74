using System.Globalization;

namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Kubernetes' <c>IntOrString</c> (a Service port's <c>targetPort</c>): an unquoted integer, or a string such as a
/// named container port. A quoted number stays a string, as it does in Kubernetes.
/// </summary>
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The integer form, when written as a number.</summary>
    public int? Number { get; }

    /// <summary>The string form, when written as a string.</summary>
    public string? Text { get; }

    /// <summary>An integer value.</summary>
    public static IntOrString FromNumber(int number) => new(number, null);

    /// <summary>A string value.</summary>
    public static IntOrString FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new IntOrString(null, text);
    }

    /// <summary>The value as written.</summary>
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}
