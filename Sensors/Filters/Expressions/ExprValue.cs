using System.Globalization;

namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>
/// A value during expression evaluation. Numbers and booleans are stored inline, so arithmetic and comparisons do not
/// allocate; strings, arrays and objects hold a reference.
/// </summary>
public readonly struct ExprValue : IEquatable<ExprValue>
{
    private readonly double _number;
    private readonly object? _ref;

    private ExprValue(ExprValueKind kind, double number, object? reference)
    {
        Kind = kind;
        _number = number;
        _ref = reference;
    }

    /// <summary>nil.</summary>
    public static ExprValue Null => default;

    /// <summary>The value's type.</summary>
    public ExprValueKind Kind { get; }

    /// <summary>The number (valid when <see cref="Kind"/> is Number).</summary>
    public double Number => _number;

    /// <summary>The boolean (valid when <see cref="Kind"/> is Bool).</summary>
    public bool Bool => _number != 0;

    /// <summary>The string (valid when <see cref="Kind"/> is String).</summary>
    public string String => _ref as string ?? string.Empty;

    /// <summary>The items (valid when <see cref="Kind"/> is Array).</summary>
    public IReadOnlyList<ExprValue> Items => _ref as IReadOnlyList<ExprValue> ?? [];

    /// <summary>The members (valid when <see cref="Kind"/> is Object).</summary>
    public IReadOnlyDictionary<string, ExprValue> Members => _ref as IReadOnlyDictionary<string, ExprValue> ?? new Dictionary<string, ExprValue>();

    /// <summary>A number.</summary>
    public static ExprValue FromNumber(double value) => new(ExprValueKind.Number, value, null);

    /// <summary>A boolean.</summary>
    public static ExprValue FromBool(bool value) => new(ExprValueKind.Bool, value ? 1 : 0, null);

    /// <summary>A string.</summary>
    public static ExprValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ExprValueKind.String, 0, value);
    }

    /// <summary>An array.</summary>
    public static ExprValue FromArray(IReadOnlyList<ExprValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(ExprValueKind.Array, 0, items);
    }

    /// <summary>An object.</summary>
    public static ExprValue FromObject(IReadOnlyDictionary<string, ExprValue> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return new(ExprValueKind.Object, 0, members);
    }

    /// <summary>
    /// Converts what gjson's <c>Value()</c> returns (string, double, bool, null, dictionary, list) into an expression value.
    /// </summary>
    /// <exception cref="ArgumentException">The value is of another type.</exception>
    public static ExprValue FromObjectGraph(object? value) => value switch
    {
        null => Null,
        string s => FromString(s),
        double d => FromNumber(d),
        bool b => FromBool(b),
        Dictionary<string, object?> map => FromObject(map.ToDictionary(p => p.Key, p => FromObjectGraph(p.Value), StringComparer.Ordinal)),
        List<object?> list => FromArray([.. list.Select(FromObjectGraph)]),
        _ => throw new ArgumentException($"a value of type {value.GetType().Name} cannot be used in an expression", nameof(value)),
    };

    /// <summary>govaluate's equality (Go's reflect.DeepEqual): same type and same content.</summary>
    public bool Equals(ExprValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case ExprValueKind.Null:
                return true;
            case ExprValueKind.Number:
            case ExprValueKind.Bool:
                return _number == other._number;
            case ExprValueKind.String:
                return string.Equals(String, other.String, StringComparison.Ordinal);
            case ExprValueKind.Array:
                return Items.Count == other.Items.Count && Items.Zip(other.Items).All(p => p.First.Equals(p.Second));
            default:
                return Members.Count == other.Members.Count
                    && Members.All(p => other.Members.TryGetValue(p.Key, out var v) && p.Value.Equals(v));
        }
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExprValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, _number, _ref);

    /// <summary>Equality as <see cref="Equals(ExprValue)"/>.</summary>
    public static bool operator ==(ExprValue left, ExprValue right) => left.Equals(right);

    /// <summary>Inequality as <see cref="Equals(ExprValue)"/>.</summary>
    public static bool operator !=(ExprValue left, ExprValue right) => !left.Equals(right);

    /// <summary>The value as Go's <c>fmt</c> <c>%v</c> prints it, which govaluate uses when concatenating with <c>+</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExprValueKind.Null => "<nil>",
        ExprValueKind.Number => GoFloat(_number),
        ExprValueKind.String => String,
        ExprValueKind.Bool => Bool ? "true" : "false",
        ExprValueKind.Array => "[" + string.Join(' ', Items.Select(i => i.ToString())) + "]",
        _ => "map[" + string.Join(' ', Members.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + p.Value)) + "]",
    };

    /// <summary>
    /// Go's <c>%v</c> for a float64 (<c>%g</c> with the shortest digits): exponent form when the decimal exponent is
    /// below -4 or at least 6 (so 1e6 prints as <c>1e+06</c>), plain digits otherwise.
    /// </summary>
    private static string GoFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return "0";
        }

        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var shift = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + shift;
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= lead;
        var exponent = point - 1;
        var sign = value < 0 ? "-" : string.Empty;
        if (exponent < -4 || exponent >= 6)
        {
            var m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{m}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
        }

        if (point <= 0)
        {
            return sign + "0." + new string('0', -point) + digits;
        }

        return point >= digits.Length ? sign + digits + new string('0', point - digits.Length) : sign + digits[..point] + "." + digits[point..];
    }
}
