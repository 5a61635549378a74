using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;
using Xunit;
using static ArgoEvents.Sensors.Tests.Parameters.ParameterTestEvents;

namespace ArgoEvents.Sensors.Tests.Parameters;

// Argo's TestApplyParams (byte-exact results) and the operation rules around it.
public class ApplyParamsTests
{
    private const string Data = """{"name": {"first": "fake", "last": "user"}, "age": 100, "countries": ["ca", "us", "mx"] }""";

    private static readonly Dictionary<string, SensorEvent> AllEvents = EventsWith(Data);

    private static string Apply(string json, params TriggerParameter[] parameters) =>
        Utf8(TriggerParameters.ApplyToJson(Encoding.UTF8.GetBytes(json), parameters, AllEvents));

    [Theory]
    [InlineData(null, """{"name": "fake"}""")]
    [InlineData("", """{"name": "fake"}""")]
    [InlineData("overwrite", """{"name": "fake"}""")]
    [InlineData("prepend", """{"name": "fakefaker"}""")]
    [InlineData("append", """{"name": "fakerfake"}""")]
    public void Operations_on_a_string(string? operation, string expected) =>
        Assert.Equal(expected, Apply("""{"name": "faker"}""", Param(DataKey("name.first"), "name", operation)));

    [Fact]
    public void Object_without_raw_data_is_set_as_an_escaped_string() =>
        Assert.Equal(
            """{"name": "{\"first\": \"fake\", \"last\": \"user\"}"}""",
            Apply("""{"name": "faker"}""", Param(DataKey("name"), "name", "overwrite")));

    [Fact]
    public void Object_with_raw_data_is_embedded() =>
        Assert.Equal(
            """{"name": {"first": "fake", "last": "user"}}""",
            Apply("""{"name": "faker"}""", Param(DataKey("name", raw: true), "name", "overwrite")));

    [Fact]
    public void Raw_data_types_and_append_to_text() =>
        Assert.Equal(
            """{"age": 100, "ageWithYears": "Years: 100","countries":["ca", "us", "mx"]}""",
            Apply(
                """{"age": "this-gets-over-written", "ageWithYears": "Years: "}""",
                Param(DataKey("age", raw: true), "age", "overwrite"),
                Param(DataKey("age", raw: true), "ageWithYears", "append"),
                Param(DataKey("countries", raw: true), "countries", "append")));

    [Fact]
    public void Append_to_a_number_uses_its_text() =>
        Assert.Equal("""{"n": "41fake"}""", Apply("""{"n": 41}""", Param(DataKey("name.first"), "n", "append")));

    [Fact]
    public void Prepend_to_an_object_uses_its_raw_json() =>
        Assert.Equal("""{"o": "fake{\"a\":1}"}""", Apply("""{"o": {"a":1}}""", Param(DataKey("name.first"), "o", "prepend")));

    [Fact]
    public void Append_to_null_appends_to_nothing() =>
        Assert.Equal("""{"n": "fake"}""", Apply("""{"n": null}""", Param(DataKey("name.first"), "n", "append")));

    [Fact]
    public void Unknown_operation_is_refused_naming_it()
    {
        var e = Assert.Throws<TriggerParameterException>(() => Apply("{}", Param(DataKey("name.first"), "name", "replace")));
        Assert.Equal("unsupported trigger parameter operation: replace", e.Cause);
        Assert.Equal("name", e.Dest);
        Assert.Contains("dest 'name'", e.Message);
    }

    [Fact]
    public void Skipped_parameter_does_not_check_its_operation() =>
        Assert.Equal("{}", Apply("{}", Param(DataKey("a", dependency: "did-not-fire"), "name", "replace")));

    [Fact]
    public void Missing_dependency_with_value_sets_the_value() =>
        Assert.Equal("""{"a":"v"}""", Apply("{}", Param(DataKey("a", value: "v", dependency: "did-not-fire"), "a")));

    [Fact]
    public void Empty_dest_is_an_error_in_apply_params()
    {
        var e = Assert.Throws<TriggerParameterException>(() => Apply("{}", Param(DataKey("name.first"), string.Empty)));
        Assert.Contains("path cannot be empty", e.Cause);
    }

    [Fact]
    public void Parameters_apply_in_order_and_see_earlier_results() =>
        Assert.Equal(
            """{"a": "xfakefake"}""",
            Apply("""{"a": "x"}""", Param(DataKey("name.first"), "a", "append"), Param(DataKey("name.first"), "a", "append")));

    [Fact]
    public void Nested_and_array_destinations_are_created() =>
        Assert.Equal(
            """{"spec":{"arguments":{"parameters":[{"value":"fake"}]}},"list":["fake"]}""",
            Apply("{}", Param(DataKey("name.first"), "spec.arguments.parameters.0.value"), Param(DataKey("name.first"), "list.-1")));

    [Fact]
    public void Null_with_raw_data_is_json_null() =>
        Assert.Equal(
            """{"k":null}""",
            Utf8(TriggerParameters.ApplyToJson("""{"k":"x"}"""u8, [Param(DataKey("k", raw: true), "k")], EventsWith("""{"k": null}"""))));

    [Fact]
    public void No_parameters_return_the_document_unchanged() =>
        Assert.Equal("""{"a" : 1}""", Utf8(TriggerParameters.ApplyToJson("""{"a" : 1}"""u8, [], AllEvents)));

    [Fact]
    public void Strings_needing_escapes_are_encoded_as_go_does()
    {
        var events = EventsWith("""{"s": "a\"b<c>\n\u00e9"}""");
        Assert.Equal(
            """{"s":"a\"b\u003cc\u003e\né"}""",
            Utf8(TriggerParameters.ApplyToJson("{}"u8, [Param(DataKey("s"), "s")], events)));
    }

    [Fact]
    public void Parameter_without_src_is_refused()
    {
        var e = Assert.Throws<TriggerParameterException>(() => Apply("{}", new TriggerParameter { Dest = "a" }));
        Assert.Equal("the parameter has no src", e.Cause);
    }

    [Fact]
    public void Plan_reuse_gives_the_same_result_per_event()
    {
        var plan = ParameterPlan.Compile([Param(DataKey("name.first"), "who")]);
        Assert.Equal("""{"who":"a"}""", Utf8(plan.ApplyToJson("{}"u8, EventsWith("""{"name":{"first":"a"}}"""))));
        Assert.Equal("""{"who":"b"}""", Utf8(plan.ApplyToJson("{}"u8, EventsWith("""{"name":{"first":"b"}}"""))));
    }
}
