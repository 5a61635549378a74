using System.Globalization;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The typed value of a CloudEvent extension attribute (string, boolean, integer, URI,
/// URI-reference, binary or timestamp). Create one with a <c>From...</c> method; read it back
/// with the matching <c>As...</c> method or as its canonical string.
/// </summary>
public readonly struct CloudEventAttributeValue : IEquatable<CloudEventAttributeValue>
{
    // One reference slot (string, Uri or byte[]) and one scalar slot (bool, int or UTC ticks)
    // keep the struct small and avoid boxing the scalar types.
    private readonly object? _reference;
    private readonly long _scalar;

    private CloudEventAttributeValue(CloudEventAttributeType type, object? reference, long scalar)
    {
        Type = type;
        _reference = reference;
        _scalar = scalar;
    }

    /// <summary>The CloudEvents type of the value; 0 for a default instance that holds no value.</summary>
    public CloudEventAttributeType Type { get; }

    /// <summary>True for <c>default(CloudEventAttributeValue)</c>, which holds no value.</summary>
    public bool IsEmpty => Type == 0;

    /// <summary>Creates a String value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(CloudEventAttributeType.String, value, 0);
    }

    /// <summary>Creates a Boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromBoolean(bool value) =>
        new(CloudEventAttributeType.Boolean, null, value ? 1 : 0);

    /// <summary>Creates an Integer (32-bit signed) value.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromInteger(int value) =>
        new(CloudEventAttributeType.Integer, null, value);

    /// <summary>Creates a URI value; the URI must be absolute and written with a scheme.</summary>
    /// <param name="value">The absolute URI.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromUri(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!CloudEventUriRules.IsAbsolute(value))
        {
            throw new ArgumentException(
                $"'{value.OriginalString}' is not an absolute URI (it needs a scheme such as 'https:'); use FromUriReference for relative references.",
                nameof(value));
        }

        return new(CloudEventAttributeType.Uri, value, 0);
    }

    /// <summary>Creates a URI-reference value (absolute or relative).</summary>
    /// <param name="value">The URI reference.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromUriReference(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(CloudEventAttributeType.UriReference, value, 0);
    }

    /// <summary>Creates a Binary value from a copy of <paramref name="value"/>.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromBinary(ReadOnlySpan<byte> value) =>
        new(CloudEventAttributeType.Binary, value.ToArray(), 0);

    /// <summary>Creates a Timestamp value; it is kept in UTC.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The value.</returns>
    public static CloudEventAttributeValue FromTimestamp(DateTimeOffset value) =>
        new(CloudEventAttributeType.Timestamp, null, value.UtcTicks);

    /// <summary>Returns the text of a String value.</summary>
    /// <returns>The text.</returns>
    public string AsString()
    {
        EnsureType(CloudEventAttributeType.String);
        return (string)_reference!;
    }

    /// <summary>Returns the boolean of a Boolean value.</summary>
    /// <returns>The boolean.</returns>
    public bool AsBoolean()
    {
        EnsureType(CloudEventAttributeType.Boolean);
        return _scalar != 0;
    }

    /// <summary>Returns the integer of an Integer value.</summary>
    /// <returns>The integer.</returns>
    public int AsInteger()
    {
        EnsureType(CloudEventAttributeType.Integer);
        return (int)_scalar;
    }

    /// <summary>Returns the URI of a URI or URI-reference value.</summary>
    /// <returns>The URI.</returns>
    public Uri AsUri()
    {
        if (Type is not (CloudEventAttributeType.Uri or CloudEventAttributeType.UriReference))
        {
            throw TypeMismatch("Uri or UriReference");
        }

        return (Uri)_reference!;
    }

    /// <summary>Returns the bytes of a Binary value.</summary>
    /// <returns>The bytes.</returns>
    public ReadOnlyMemory<byte> AsBinary()
    {
        EnsureType(CloudEventAttributeType.Binary);
        return (byte[])_reference!;
    }

    /// <summary>Returns the time of a Timestamp value, in UTC.</summary>
    /// <returns>The time.</returns>
    public DateTimeOffset AsTimestamp()
    {
        EnsureType(CloudEventAttributeType.Timestamp);
        return new DateTimeOffset(_scalar, TimeSpan.Zero);
    }

    /// <summary>
    /// The canonical string of the value per the CloudEvents type system: "true"/"false", decimal
    /// integers, the URI as written, base64 for binary, RFC 3339 UTC for timestamps.
    /// </summary>
    /// <returns>The canonical string.</returns>
    public string ToCanonicalString() => Type switch
    {
        CloudEventAttributeType.String => (string)_reference!,
        CloudEventAttributeType.Boolean => _scalar != 0 ? "true" : "false",
        CloudEventAttributeType.Integer => ((int)_scalar).ToString(CultureInfo.InvariantCulture),
        CloudEventAttributeType.Uri or CloudEventAttributeType.UriReference => ((Uri)_reference!).OriginalString,
        CloudEventAttributeType.Binary => Convert.ToBase64String((byte[])_reference!),
        CloudEventAttributeType.Timestamp => CloudEventTimestamp.Format(AsTimestamp()),
        _ => throw EmptyValue(),
    };

    /// <summary>Returns <see cref="ToCanonicalString"/>, or an empty string for an empty value.</summary>
    /// <returns>The text of the value.</returns>
    public override string ToString() => IsEmpty ? string.Empty : ToCanonicalString();

    /// <inheritdoc />
    public bool Equals(CloudEventAttributeValue other)
    {
        if (Type != other.Type)
        {
            return false;
        }

        return Type switch
        {
            CloudEventAttributeType.String => string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal),
            CloudEventAttributeType.Uri or CloudEventAttributeType.UriReference =>
                string.Equals(((Uri)_reference!).OriginalString, ((Uri)other._reference!).OriginalString, StringComparison.Ordinal),
            CloudEventAttributeType.Binary => ((byte[])_reference!).AsSpan().SequenceEqual((byte[])other._reference!),
            _ => _scalar == other._scalar,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CloudEventAttributeValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Type switch
    {
        CloudEventAttributeType.String => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode((string)_reference!)),
        CloudEventAttributeType.Uri or CloudEventAttributeType.UriReference =>
            HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(((Uri)_reference!).OriginalString)),
        CloudEventAttributeType.Binary => HashCode.Combine(Type, ((byte[])_reference!).Length),
        _ => HashCode.Combine(Type, _scalar),
    };

    /// <summary>Compares two values by type and content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when both have the same type and content.</returns>
    public static bool operator ==(CloudEventAttributeValue left, CloudEventAttributeValue right) => left.Equals(right);

    /// <summary>Compares two values by type and content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when they differ in type or content.</returns>
    public static bool operator !=(CloudEventAttributeValue left, CloudEventAttributeValue right) => !left.Equals(right);

    private void EnsureType(CloudEventAttributeType expected)
    {
        if (Type != expected)
        {
            throw TypeMismatch(expected.ToString());
        }
    }

    private InvalidOperationException TypeMismatch(string expected) => IsEmpty
        ? EmptyValue()
        : new InvalidOperationException($"The CloudEvent attribute value is of type {Type}, not {expected}.");

    private static InvalidOperationException EmptyValue() =>
        new("The CloudEvent attribute value is empty (default); create one with a CloudEventAttributeValue.From... method.");
}
