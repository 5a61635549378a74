using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArgoEvents.Api;

/// <summary>A scalar: its text exactly as written (after YAML unescaping) and whether it was quoted.</summary>
public sealed partial class ManifestScalar : ManifestNode
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>Creates a scalar.</summary>
    /// <param name="value">The text.</param>
    /// <param name="isQuoted">True when written in quotes (or as a block scalar, or as a JSON string): always a string.</param>
    /// <param name="tag">An explicit YAML tag such as <c>tag:yaml.org,2002:str</c>, if any.</param>
    /// <param name="line">1-based line, zero when unknown.</param>
    /// <param name="column">1-based column, zero when unknown.</param>
    public ManifestScalar(string value, bool isQuoted, string? tag = null, int line = 0, int column = 0)
        : base(line, column)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        IsQuoted = isQuoted;
        Tag = string.IsNullOrEmpty(tag) ? null : tag;
        Type = Resolve();
    }

    /// <summary>The scalar text.</summary>
    public string Value { get; }

    /// <summary>True when the scalar was quoted, a block scalar or a JSON string.</summary>
    public bool IsQuoted { get; }

    /// <summary>The explicit tag, if one was written.</summary>
    public string? Tag { get; }

    /// <summary>The meaning of the scalar under the YAML 1.2 core schema.</summary>
    public ManifestScalarType Type { get; }

    /// <summary>True for <c>null</c>, <c>~</c> and empty plain scalars: the field counts as not written.</summary>
    public bool IsNull => Type == ManifestScalarType.Null;

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Type)
        {
            case ManifestScalarType.Null:
                writer.WriteNullValue();
                break;
            case ManifestScalarType.Boolean when TryGetBoolean(out var flag):
                writer.WriteBooleanValue(flag);
                break;
            case ManifestScalarType.Integer when TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case ManifestScalarType.Integer or ManifestScalarType.Float when JsonNumber().IsMatch(Value):
                writer.WriteRawValue(Value);
                break;
            case ManifestScalarType.Float when TryGetDouble(out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(Value);
                break;
        }
    }

    /// <summary>Reads the scalar as a 64-bit integer (decimal, <c>0x</c> or <c>0o</c>), quoted or not.</summary>
    internal bool TryGetInt64(out long value)
    {
        var text = Value.Trim();
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            return TryParseOctal(text.AsSpan(2), out value);
        }

        value = 0;
        return DecimalInteger().IsMatch(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads the scalar as a floating-point number, quoted or not.</summary>
    internal bool TryGetDouble(out double value)
    {
        var text = Value.Trim();
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        if (TryGetInt64(out var integer))
        {
            value = integer;
            return true;
        }

        value = 0;
        return YamlFloat().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Reads the scalar as a boolean the way Kubernetes YAML does (YAML 1.1 words included: yes/no, on/off, y/n).
    /// </summary>
    internal bool TryGetBoolean(out bool value)
    {
        switch (Value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "on":
                value = true;
                return true;
            case "false" or "no" or "n" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    internal override string Describe() => IsNull ? "null" : $"the value '{Value}'";

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '7' || value > (long.MaxValue >> 3))
            {
                return false;
            }

            value = (value << 3) + (c - '0');
        }

        return true;
    }

    private ManifestScalarType Resolve()
    {
        if (Tag is not null)
        {
            return Tag switch
            {
                TagPrefix + "null" => ManifestScalarType.Null,
                TagPrefix + "bool" => ManifestScalarType.Boolean,
                TagPrefix + "int" => ManifestScalarType.Integer,
                TagPrefix + "float" => ManifestScalarType.Float,
                _ => ManifestScalarType.String,
            };
        }

        if (IsQuoted)
        {
            return ManifestScalarType.String;
        }

        return Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ManifestScalarType.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ManifestScalarType.Boolean,
            _ when YamlInteger().IsMatch(Value) => ManifestScalarType.Integer,
            _ when YamlFloat().IsMatch(Value) || YamlSpecialFloat().IsMatch(Value) => ManifestScalarType.Float,
            _ => ManifestScalarType.String,
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex YamlInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex YamlSpecialFloat();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
