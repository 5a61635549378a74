using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventTests
{
    private static CloudEvent ValidEvent() => new("id-1", "webhook", "webhook");

    private static string ValidationFails(CloudEvent cloudEvent) =>
        Assert.Throws<CloudEventValidationException>(cloudEvent.Validate).AttributeName!;

    [Fact]
    public void A_new_event_has_spec_version_one_and_no_optional_attributes()
    {
        var cloudEvent = ValidEvent();

        Assert.Equal("1.0", cloudEvent.SpecVersion);
        Assert.Null(cloudEvent.Subject);
        Assert.Null(cloudEvent.DataContentType);
        Assert.Null(cloudEvent.DataSchema);
        Assert.Null(cloudEvent.Time);
        Assert.False(cloudEvent.HasData);
        Assert.Empty(cloudEvent.Extensions);
        cloudEvent.Validate();
    }

    [Fact]
    public void Required_attributes_reject_null()
    {
        Assert.Throws<ArgumentNullException>(() => new CloudEvent(null!, "s", "t"));
        Assert.Throws<ArgumentNullException>(() => new CloudEvent("i", null!, "t"));
        Assert.Throws<ArgumentNullException>(() => new CloudEvent("i", "s", null!));
        Assert.Throws<ArgumentNullException>(() => ValidEvent().Id = null!);
        Assert.Throws<ArgumentNullException>(() => ValidEvent().SpecVersion = null!);
    }

    [Fact]
    public void Validate_accepts_a_fully_populated_event()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Subject = "example";
        cloudEvent.DataContentType = "application/json; charset=utf-8";
        cloudEvent.DataSchema = new Uri("https://example.com/schema.json");
        cloudEvent.Time = DateTimeOffset.UnixEpoch;
        cloudEvent.SetExtension("comexample", CloudEventAttributeValue.FromString("value"));
        cloudEvent.SetData("{}"u8.ToArray());

        cloudEvent.Validate();
    }

    [Fact]
    public void Validate_rejects_a_spec_version_other_than_one()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.SpecVersion = "0.3";

        Assert.Equal("specversion", ValidationFails(cloudEvent));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    public void Validate_rejects_an_empty_required_attribute(string attribute)
    {
        var cloudEvent = ValidEvent();
        switch (attribute)
        {
            case "id": cloudEvent.Id = ""; break;
            case "source": cloudEvent.Source = ""; break;
            default: cloudEvent.Type = ""; break;
        }

        var ex = Assert.Throws<CloudEventValidationException>(cloudEvent.Validate);
        Assert.Equal(attribute, ex.AttributeName);
        Assert.Contains("must not be empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_a_source_that_is_not_a_uri_reference()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Source = "http://[not-an-ip";

        Assert.Equal("source", ValidationFails(cloudEvent));
    }

    [Theory]
    [InlineData("/mycontext")]
    [InlineData("https://github.com/cloudevents")]
    [InlineData("urn:event:from:myapi/resource/123")]
    [InlineData("webhook")]
    public void Validate_accepts_relative_and_absolute_sources(string source)
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Source = source;

        cloudEvent.Validate();
    }

    [Fact]
    public void Validate_rejects_an_empty_subject()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Subject = "";

        Assert.Equal("subject", ValidationFails(cloudEvent));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("application/")]
    [InlineData("/json")]
    [InlineData("application/json/extra")]
    [InlineData("")]
    public void Validate_rejects_a_data_content_type_that_is_not_a_media_type(string contentType)
    {
        var cloudEvent = ValidEvent();
        cloudEvent.DataContentType = contentType;

        Assert.Equal("datacontenttype", ValidationFails(cloudEvent));
    }

    [Fact]
    public void Validate_rejects_a_relative_data_schema()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.DataSchema = new Uri("/schemas/event.json", UriKind.Relative);

        Assert.Equal("dataschema", ValidationFails(cloudEvent));
    }

    [Fact]
    public void Validate_rejects_a_rooted_path_that_dotnet_would_call_an_absolute_file_uri()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.DataSchema = new Uri("/schemas/event.json", UriKind.RelativeOrAbsolute);

        Assert.Equal("dataschema", ValidationFails(cloudEvent));
    }

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("new\nline")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    [InlineData("nonchar\ufffe")]
    [InlineData("nonchar\ufdd0")]
    public void Validate_rejects_disallowed_characters_in_string_attributes(string type)
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Type = type;

        var ex = Assert.Throws<CloudEventValidationException>(cloudEvent.Validate);
        Assert.Equal("type", ex.AttributeName);
        Assert.Contains("disallowed character", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_an_unpaired_surrogate()
    {
        // Built in code: attribute arguments cannot hold an unpaired surrogate (it becomes U+FFFD).
        var cloudEvent = ValidEvent();
        cloudEvent.Subject = "lone" + '\ud800' + "surrogate";
        Assert.Equal("subject", ValidationFails(cloudEvent));

        cloudEvent.Subject = "reversed" + '\udc00' + '\ud800';
        Assert.Equal("subject", ValidationFails(cloudEvent));

        cloudEvent.Subject = "trailing" + '\ud800';
        Assert.Equal("subject", ValidationFails(cloudEvent));
    }

    [Fact]
    public void Validate_accepts_non_ascii_text_and_surrogate_pairs()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Subject = "Euro € 😀 ünïcödé";

        cloudEvent.Validate();
    }

    [Fact]
    public void Validate_rejects_a_plane_noncharacter_written_as_a_surrogate_pair()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.Subject = char.ConvertFromUtf32(0x1FFFE);

        Assert.Equal("subject", ValidationFails(cloudEvent));
    }

    [Fact]
    public void Validate_names_the_extension_whose_string_value_is_disallowed()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.SetExtension("comexample", CloudEventAttributeValue.FromString("bad\u0000value"));

        Assert.Equal("comexample", ValidationFails(cloudEvent));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("with-dash")]
    [InlineData("with_underscore")]
    [InlineData("spa ce")]
    [InlineData("ümlaut")]
    [InlineData("")]
    public void SetExtension_rejects_names_outside_lower_case_letters_and_digits(string name)
    {
        var cloudEvent = ValidEvent();

        var ex = Assert.Throws<CloudEventValidationException>(
            () => cloudEvent.SetExtension(name, CloudEventAttributeValue.FromString("v")));
        Assert.Equal(name, ex.AttributeName);
        Assert.False(CloudEventAttributeNames.IsValidExtensionName(name));
    }

    [Theory]
    [InlineData("specversion")]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    [InlineData("subject")]
    [InlineData("datacontenttype")]
    [InlineData("dataschema")]
    [InlineData("time")]
    [InlineData("data")]
    public void SetExtension_rejects_names_of_context_attributes_and_data(string name)
    {
        var cloudEvent = ValidEvent();

        var ex = Assert.Throws<CloudEventValidationException>(
            () => cloudEvent.SetExtension(name, CloudEventAttributeValue.FromString("v")));
        Assert.Equal(name, ex.AttributeName);
        Assert.Contains("context attribute", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetExtension_rejects_an_empty_value()
    {
        Assert.Throws<ArgumentException>(() => ValidEvent().SetExtension("comexample", default));
    }

    [Fact]
    public void Extensions_can_be_set_replaced_read_and_removed()
    {
        var cloudEvent = ValidEvent();
        cloudEvent.SetExtension("count", CloudEventAttributeValue.FromInteger(1));
        cloudEvent.SetExtension("count", CloudEventAttributeValue.FromInteger(2));
        cloudEvent.SetExtension("flag", CloudEventAttributeValue.FromBoolean(true));

        Assert.True(cloudEvent.TryGetExtension("count", out var count));
        Assert.Equal(2, count.AsInteger());
        Assert.Equal(2, cloudEvent.Extensions.Count);
        Assert.True(cloudEvent.RemoveExtension("count"));
        Assert.False(cloudEvent.RemoveExtension("count"));
        Assert.False(cloudEvent.TryGetExtension("count", out _));
        Assert.False(cloudEvent.TryGetExtension("never", out _));
        Assert.Equal(["flag"], cloudEvent.Extensions.Keys);
    }

    [Fact]
    public void Extensions_are_listed_in_ordinal_name_order()
    {
        var cloudEvent = ValidEvent();
        foreach (var name in new[] { "zeta", "alpha", "a1", "a", "9lives" })
        {
            cloudEvent.SetExtension(name, CloudEventAttributeValue.FromString(name));
        }

        Assert.Equal(["9lives", "a", "a1", "alpha", "zeta"], cloudEvent.Extensions.Keys);
    }

    [Fact]
    public void Data_is_absent_until_set_and_can_be_empty_or_removed()
    {
        var cloudEvent = ValidEvent();
        Assert.False(cloudEvent.HasData);

        cloudEvent.SetData(ReadOnlyMemory<byte>.Empty);
        Assert.True(cloudEvent.HasData);
        Assert.Equal(0, cloudEvent.Data.Length);

        cloudEvent.SetData(new byte[] { 1, 2, 3 });
        Assert.Equal(new byte[] { 1, 2, 3 }, cloudEvent.Data.ToArray());

        cloudEvent.RemoveData();
        Assert.False(cloudEvent.HasData);
        Assert.Equal(0, cloudEvent.Data.Length);
    }
}
