using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventAttributeValueTests
{
    [Fact]
    public void Each_type_keeps_its_value_and_has_a_canonical_string()
    {
        var time = new DateTimeOffset(2026, 7, 18, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_200_000);

        Assert.Equal("text", CloudEventAttributeValue.FromString("text").AsString());
        Assert.Equal("text", CloudEventAttributeValue.FromString("text").ToCanonicalString());
        Assert.True(CloudEventAttributeValue.FromBoolean(true).AsBoolean());
        Assert.Equal("false", CloudEventAttributeValue.FromBoolean(false).ToCanonicalString());
        Assert.Equal(int.MinValue, CloudEventAttributeValue.FromInteger(int.MinValue).AsInteger());
        Assert.Equal("-2147483648", CloudEventAttributeValue.FromInteger(int.MinValue).ToCanonicalString());
        Assert.Equal("https://example.com/a%20b", CloudEventAttributeValue.FromUri(new Uri("https://example.com/a%20b")).ToCanonicalString());
        Assert.Equal("../up", CloudEventAttributeValue.FromUriReference(new Uri("../up", UriKind.Relative)).AsUri().OriginalString);
        Assert.Equal("AQID/w==", CloudEventAttributeValue.FromBinary([1, 2, 3, 255]).ToCanonicalString());
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, CloudEventAttributeValue.FromBinary([1, 2, 3, 255]).AsBinary().ToArray());
        Assert.Equal(time, CloudEventAttributeValue.FromTimestamp(time).AsTimestamp());
        Assert.Equal(TimeSpan.Zero, CloudEventAttributeValue.FromTimestamp(time).AsTimestamp().Offset);
        Assert.Equal("2026-07-18T12:00:00.12Z", CloudEventAttributeValue.FromTimestamp(time).ToCanonicalString());
    }

    [Fact]
    public void Types_are_reported()
    {
        Assert.Equal(CloudEventAttributeType.String, CloudEventAttributeValue.FromString("").Type);
        Assert.Equal(CloudEventAttributeType.Boolean, CloudEventAttributeValue.FromBoolean(true).Type);
        Assert.Equal(CloudEventAttributeType.Integer, CloudEventAttributeValue.FromInteger(1).Type);
        Assert.Equal(CloudEventAttributeType.Uri, CloudEventAttributeValue.FromUri(new Uri("urn:x:y")).Type);
        Assert.Equal(CloudEventAttributeType.UriReference, CloudEventAttributeValue.FromUriReference(new Uri("x", UriKind.Relative)).Type);
        Assert.Equal(CloudEventAttributeType.Binary, CloudEventAttributeValue.FromBinary([]).Type);
        Assert.Equal(CloudEventAttributeType.Timestamp, CloudEventAttributeValue.FromTimestamp(DateTimeOffset.UnixEpoch).Type);
    }

    [Fact]
    public void Reading_as_another_type_names_both_types()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => CloudEventAttributeValue.FromInteger(1).AsString());

        Assert.Contains("Integer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("String", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_value_is_empty_and_cannot_be_read()
    {
        CloudEventAttributeValue value = default;

        Assert.True(value.IsEmpty);
        Assert.Equal(string.Empty, value.ToString());
        Assert.Throws<InvalidOperationException>(value.ToCanonicalString);
        Assert.Throws<InvalidOperationException>(() => value.AsBoolean());
    }

    [Fact]
    public void FromUri_refuses_a_relative_reference()
    {
        var ex = Assert.Throws<ArgumentException>(() => CloudEventAttributeValue.FromUri(new Uri("/relative", UriKind.RelativeOrAbsolute)));

        Assert.Contains("FromUriReference", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_values_copy_their_input()
    {
        var bytes = new byte[] { 1, 2 };
        var value = CloudEventAttributeValue.FromBinary(bytes);
        bytes[0] = 9;

        Assert.Equal(1, value.AsBinary().Span[0]);
    }

    [Fact]
    public void Equality_compares_type_and_content()
    {
        Assert.Equal(CloudEventAttributeValue.FromString("a"), CloudEventAttributeValue.FromString("a"));
        Assert.True(CloudEventAttributeValue.FromBinary([1, 2]) == CloudEventAttributeValue.FromBinary([1, 2]));
        Assert.Equal(CloudEventAttributeValue.FromBinary([1, 2]).GetHashCode(), CloudEventAttributeValue.FromBinary([1, 2]).GetHashCode());
        Assert.True(CloudEventAttributeValue.FromString("1") != CloudEventAttributeValue.FromInteger(1));
        Assert.NotEqual(CloudEventAttributeValue.FromUri(new Uri("urn:a:b")), CloudEventAttributeValue.FromUriReference(new Uri("urn:a:b")));
        Assert.NotEqual(CloudEventAttributeValue.FromBoolean(true), CloudEventAttributeValue.FromBoolean(false));
    }
}
