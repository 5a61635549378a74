using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;
using Xunit;
using static ArgoEvents.Sensors.Tests.Parameters.ParameterTestEvents;

namespace ArgoEvents.Sensors.Tests.Parameters;

// Argo's TestResolveParamValue and the resolution rules around it.
public class ResolveParamValueTests
{
    private const string Data = """{"name": {"first": "fake", "last": "user"}, "reviews": 8, "rating": 4.5, "isActive" : true, "isVerified" : false, "countries": ["ca", "us", "mx"], "nothing": null}""";

    private static readonly Dictionary<string, SensorEvent> AllEvents = EventsWith(Data);

    private static ParameterValue Resolve(TriggerParameterSource source, IReadOnlyDictionary<string, SensorEvent>? events = null)
    {
        var value = ParameterValueResolver.Resolve(source, events ?? AllEvents);
        Assert.NotNull(value);
        return value.Value;
    }

    private static TriggerParameterSource Src(string? dataKey = null, string? contextKey = null, string? dataTemplate = null, string? contextTemplate = null, string? value = null, bool raw = false) =>
        new() { DependencyName = Dependency, DataKey = dataKey, ContextKey = contextKey, DataTemplate = dataTemplate, ContextTemplate = contextTemplate, Value = value, UseRawData = raw };

    [Fact]
    public void Data_key_selects_a_nested_string() => Assert.Equal(ParameterValue.String("fake"), Resolve(Src(dataKey: "name.first")));

    [Fact]
    public void Context_key_reads_the_event_context() => Assert.Equal("example-1", Resolve(Src(contextKey: "subject")).Text);

    [Fact]
    public void Context_has_argo_event_context_fields()
    {
        Assert.Equal("webhook-gateway", Resolve(Src(contextKey: "source")).Text);
        Assert.Equal("1.0", Resolve(Src(contextKey: "specversion")).Text);
        Assert.Equal("application/json", Resolve(Src(contextKey: "datacontenttype")).Text);
        Assert.Equal("2024-05-06T07:08:09Z", Resolve(Src(contextKey: "time")).Text);
    }

    [Fact]
    public void No_key_gives_the_whole_event_json()
    {
        var value = Resolve(Src());
        Assert.True(value.IsString);
        Assert.Equal(Utf8(AllEvents[Dependency].ToArgoJson()), value.Text);
        using var doc = JsonDocument.Parse(value.Text);
        Assert.Equal("example-1", doc.RootElement.GetProperty("context").GetProperty("subject").GetString());
        Assert.Equal(Data, Utf8(doc.RootElement.GetProperty("data").GetBytesFromBase64()));
    }

    [Fact]
    public void Value_only_gives_the_value() => Assert.Equal("hello", Resolve(Src(value: "hello")).Text);

    [Fact]
    public void Data_key_beats_context_key() => Assert.Equal("fake", Resolve(Src(dataKey: "name.first", contextKey: "subject")).Text);

    [Fact]
    public void Data_template_renders_the_data() => Assert.Equal("fake", Resolve(Src(dataTemplate: "{{ .Input.name.first }}")).Text);

    [Fact]
    public void Data_template_with_sprig_upper() => Assert.Equal("FAKE", Resolve(Src(dataTemplate: "{{ upper .Input.name.first }}")).Text);

    [Fact]
    public void Context_template_renders_the_context() => Assert.Equal("example-1", Resolve(Src(contextTemplate: "{{ .Input.subject }}")).Text);

    [Fact]
    public void Context_template_with_sprig_replace() =>
        Assert.Equal("example_1", Resolve(Src(contextTemplate: """{{ .Input.subject | replace "-" "_" }}""")).Text);

    [Fact]
    public void Data_template_beats_context_template() =>
        Assert.Equal("fake", Resolve(Src(contextTemplate: "{{ .Input.subject }}", dataTemplate: "{{ .Input.name.first }}")).Text);

    [Fact]
    public void Template_with_no_value_falls_back_to_data_key() =>
        Assert.Equal("fake", Resolve(Src(dataTemplate: "{{ .Input.name.non_exist }}", dataKey: "name.first")).Text);

    [Fact]
    public void Invalid_template_falls_back_to_data_key() =>
        Assert.Equal("fake", Resolve(Src(dataTemplate: "{{ no }}", dataKey: "name.first")).Text);

    [Fact]
    public void Failing_template_and_missing_key_fall_back_to_value() =>
        Assert.Equal("dflt", Resolve(Src(dataTemplate: "{{ no }}", dataKey: "name.middle", value: "dflt")).Text);

    [Fact]
    public void Template_numbers_print_as_go_float64() => Assert.Equal("8", Resolve(Src(dataTemplate: "{{ .Input.reviews }}")).Text);

    [Fact]
    public void Use_raw_data_on_a_string_is_still_a_string() => Assert.Equal(ParameterValue.String("fake"), Resolve(Src(dataKey: "name.first", raw: true)));

    [Fact]
    public void Object_key_returns_raw_json() =>
        Assert.Equal(new ParameterValue("""{"first": "fake", "last": "user"}""", false), Resolve(Src(dataKey: "name", raw: true)));

    [Fact]
    public void List_key_returns_raw_json() =>
        Assert.Equal(new ParameterValue("""["ca", "us", "mx"]""", false), Resolve(Src(dataKey: "countries", raw: true)));

    [Theory]
    [InlineData("reviews", "8")]
    [InlineData("rating", "4.5")]
    [InlineData("isActive", "true")]
    [InlineData("isVerified", "false")]
    [InlineData("nothing", "null")]
    [InlineData("countries.#", "3")]
    public void Non_string_keys_are_typed_json(string key, string text) =>
        Assert.Equal(new ParameterValue(text, false), Resolve(Src(dataKey: key)));

    [Theory]
    [InlineData("""{"n": 1.50}""", "1.5")]
    [InlineData("""{"n": 1e3}""", "1000")]
    [InlineData("""{"n": -2.5E-7}""", "-0.00000025")]
    [InlineData("""{"n": 12345678901234567890}""", "12345678901234567890")]
    public void Numbers_take_gjson_text(string data, string text) =>
        Assert.Equal(text, Resolve(Src(dataKey: "n"), EventsWith(data)).Text);

    [Fact]
    public void Missing_dependency_with_value_gives_the_value()
    {
        var source = new TriggerParameterSource { DependencyName = "other", DataKey = "a", Value = "fallback" };
        Assert.Equal("fallback", Resolve(source).Text);
    }

    [Fact]
    public void Missing_dependency_without_value_is_skipped() =>
        Assert.Null(ParameterValueResolver.Resolve(new TriggerParameterSource { DependencyName = "other", DataKey = "a" }, AllEvents));

    [Fact]
    public void Missing_key_without_value_is_argos_error()
    {
        var e = Assert.Throws<TriggerParameterException>(() => ParameterValueResolver.Resolve(Src(dataKey: "name.middle"), AllEvents));
        Assert.StartsWith("unable to resolve 'fake-dependency' parameter value. err: ", e.Cause);
        Assert.Contains("name.middle", e.Cause);
        Assert.Equal(Dependency, e.DependencyName);
    }

    [Fact]
    public void Yaml_data_is_converted_to_json()
    {
        var events = EventsWith("name: test\nage: 20\nok: yes\n", "application/yaml");
        Assert.Equal(ParameterValue.String("test"), Resolve(Src(dataKey: "name"), events));
        Assert.Equal(new ParameterValue("20", false), Resolve(Src(dataKey: "age"), events));
        Assert.Equal(new ParameterValue("true", false), Resolve(Src(dataKey: "ok"), events));
        Assert.Equal("TEST", Resolve(Src(dataTemplate: "{{ upper .Input.name }}"), events).Text);
    }

    [Fact]
    public void Other_content_types_are_refused_unless_value_is_set()
    {
        var events = EventsWith("plain text", "text/plain");
        var e = Assert.Throws<TriggerParameterException>(() => ParameterValueResolver.Resolve(Src(dataKey: "a"), events));
        Assert.Equal("unsupported event content type: text/plain", e.Cause);
        Assert.Equal("dflt", Resolve(Src(dataKey: "a", value: "dflt"), events).Text);

        // The context does not depend on the data's content type.
        Assert.Equal("example-1", Resolve(Src(contextKey: "subject"), events).Text);
    }

    [Fact]
    public void Invalid_json_data_is_argos_error()
    {
        var e = Assert.Throws<TriggerParameterException>(() => ParameterValueResolver.Resolve(Src(dataKey: "a"), EventsWith("{not json")));
        Assert.Equal("event data is not valid JSON", e.Cause);
    }

    [Fact]
    public void Unsupported_gjson_key_syntax_is_refused_even_with_a_value()
    {
        var e = Assert.Throws<TriggerParameterException>(() => ParameterValueResolver.Resolve(Src(dataKey: "name|@reverse", value: "v"), AllEvents));
        Assert.StartsWith("dataKey: gjson path 'name|@reverse'", e.Cause);
    }
}
