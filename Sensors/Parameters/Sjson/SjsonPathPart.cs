namespace ArgoEvents.Sensors.Parameters.Sjson;

/// <summary>
/// One dot-separated component of an sjson path, escapes removed. <see cref="ForcesKey"/> is sjson's leading
/// <c>:</c>, which makes a numeric component an object key instead of an array index.
/// </summary>
/// <param name="Key">The component, unescaped.</param>
/// <param name="ForcesKey">Whether the component was written with a leading <c>:</c>.</param>
internal readonly record struct SjsonPathPart(string Key, bool ForcesKey)
{
    /// <summary>Whether the component is sjson's <c>-1</c>: append to an array.</summary>
    public bool IsAppend => !ForcesKey && Key == "-1";

    /// <summary>
    /// The component as an array index when it is all digits (an empty component counts as 0, as in sjson), or -1. This
    /// is how a lookup in an existing array reads it, whatever <see cref="ForcesKey"/> says.
    /// </summary>
    public int DigitIndex { get; } = ParseDigits(Key);

    /// <summary>sjson's rule for a component that does not exist yet: numeric (and not forced) means an array slot.</summary>
    public bool IsNumeric => !ForcesKey && DigitIndex >= 0;

    private static int ParseDigits(string key)
    {
        var n = 0;
        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
            if (n > SjsonPath.MaxIndex)
            {
                return SjsonPath.MaxIndex + 1;
            }
        }

        return n;
    }
}
