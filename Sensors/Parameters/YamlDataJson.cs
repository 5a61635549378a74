using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoEvents.Api;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// YAML event data as the JSON Argo's <c>ghodss/yaml.YAMLToJSON</c> makes of it: plain scalars typed by go-yaml v2's
/// YAML 1.1 rules (<c>yes</c>/<c>on</c>/<c>y</c> are booleans, <c>0x1F</c>, <c>0o17</c>, <c>017</c> and <c>0b101</c> are
/// integers, underscores in numbers are ignored), object keys turned into strings and sorted, numbers written as Go's
/// <c>encoding/json</c> writes int64 and float64.
/// </summary>
internal static partial class YamlDataJson
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] TrueWords = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly string[] FalseWords = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];
    private static readonly string[] NullWords = ["", "~", "null", "Null", "NULL"];

    /// <summary>Converts <paramref name="yaml"/>; the error message is Argo's when it does not convert.</summary>
    public static byte[]? TryConvert(string yaml, out string? error)
    {
        error = null;
        try
        {
            var root = ManifestJson.ReadYamlDocument(yaml, "event data");
            var buffer = new ArrayBufferWriter<byte>(Math.Max(16, yaml.Length));
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                Write(writer, root);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (ManifestLoadException e)
        {
            error = "failed converting yaml event data to JSON: " + string.Join("; ", e.Errors);
        }
        catch (FormatException e)
        {
            error = "failed converting yaml event data to JSON: " + e.Message;
        }

        return null;
    }

    private static void Write(Utf8JsonWriter writer, ManifestNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case ManifestMapping mapping:
                var members = new SortedDictionary<string, ManifestNode>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    members[KeyText(entry.Key)] = entry.Value;
                }

                writer.WriteStartObject();
                foreach (var (key, value) in members)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case ManifestSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ManifestScalar scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new FormatException($"unsupported YAML node {node.GetType().Name}");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, ManifestScalar scalar)
    {
        switch (Resolve(scalar))
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case double d:
                writer.WriteRawValue(FormatJsonFloat(d));
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
        }
    }

    // ghodss/yaml turns non-string keys into text: integers in decimal, floats in %g form, booleans as true/false.
    private static string KeyText(ManifestScalar key) => Resolve(key) switch
    {
        null => throw new FormatException("Unsupported map key of type: <nil>"),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => ((float)d).ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal),
        var other => (string)other,
    };

    private static object? Resolve(ManifestScalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Tag is { } tag)
        {
            return tag switch
            {
                TagPrefix + "null" => null,
                TagPrefix + "bool" => TrueWords.Contains(text) || (FalseWords.Contains(text) ? false : throw new FormatException($"cannot decode !!bool '{text}'")),
                TagPrefix + "int" => TryInteger(text, out var i) ? i : throw new FormatException($"cannot decode !!int '{text}'"),
                TagPrefix + "float" => TryFloat(text, out var f) ? f : TryInteger(text, out var fi) ? fi : throw new FormatException($"cannot decode !!float '{text}'"),
                _ => text,
            };
        }

        if (scalar.IsQuoted)
        {
            return text;
        }

        if (NullWords.Contains(text))
        {
            return null;
        }

        if (TrueWords.Contains(text))
        {
            return true;
        }

        if (FalseWords.Contains(text))
        {
            return false;
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'))
        {
            if (TryInteger(text, out var integer))
            {
                return integer;
            }

            if (TryFloat(text, out var number))
            {
                return number;
            }
        }

        return text;
    }

    private static bool TryInteger(string text, out object value)
    {
        value = 0L;
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = plain.StartsWith('-');
        var digits = plain.TrimStart('+', '-');
        if (plain.Length - digits.Length > 1 || digits.Length == 0)
        {
            return false;
        }

        int radix;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            (radix, digits) = (16, digits[2..]);
        }
        else if (digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            (radix, digits) = (8, digits[2..]);
        }
        else if (digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            (radix, digits) = (2, digits[2..]);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            (radix, digits) = (8, digits[1..]);
        }
        else
        {
            radix = 10;
        }

        if (digits.Length == 0)
        {
            return false;
        }

        System.Numerics.BigInteger magnitude = 0;
        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                return false;
            }

            magnitude = (magnitude * radix) + d;
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed >= long.MinValue && signed <= long.MaxValue)
        {
            value = (long)signed;
            return true;
        }

        if (!negative && magnitude <= ulong.MaxValue)
        {
            value = (ulong)magnitude;
            return true;
        }

        return false;
    }

    private static bool TryFloat(string text, out object value)
    {
        value = 0d;
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (plain is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN")
        {
            // Go's encoding/json cannot write these, so ghodss/yaml fails the conversion.
            throw new FormatException($"json: unsupported value: {(plain.Contains("nan", StringComparison.OrdinalIgnoreCase) ? "NaN" : plain.StartsWith('-') ? "-Inf" : "+Inf")}");
        }

        if (!YamlFloat().IsMatch(plain))
        {
            return false;
        }

        var d = double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(d))
        {
            throw new FormatException($"json: unsupported value: {(d > 0 ? "+Inf" : "-Inf")}");
        }

        value = d;
        return true;
    }

    // Go's encoding/json float64: fixed notation, except exponent form below 1e-6 and from 1e21, with a short exponent.
    private static string FormatJsonFloat(double d)
    {
        var abs = Math.Abs(d);
        if (abs == 0 || (abs >= 1e-6 && abs < 1e21))
        {
            return GjsonText.FormatGoFloat(d);
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[..e];
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}").Replace("e-0", "e-", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();
}
