using System.Text;
using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;
using Xunit;
using static ArgoEvents.Sensors.Tests.Parameters.ParameterTestEvents;

namespace ArgoEvents.Sensors.Tests.Parameters;

// Argo's TestConstructPayload and TestConstructPayload_NullValue, and the empty-dest rule.
public class ConstructPayloadTests
{
    private static readonly Dictionary<string, SensorEvent> ThreeEvents = new(StringComparer.Ordinal)
    {
        ["fake-dependency"] = Event("""{"firstName": "fake"}""", id: "1"),
        ["another-fake-dependency"] = Event("""{"lastName": "foo"}""", id: "2"),
        ["use-event-data-type"] = Event("""{"age": 100, "isActive": false, "countries": ["ca", "us", "mx"]}""", id: "3"),
    };

    private static TriggerParameter[] Parameters(string firstKey, string lastKey) =>
    [
        Param(DataKey(firstKey, value: "faker", dependency: "fake-dependency"), "firstName"),
        Param(DataKey(lastKey, value: "bar", dependency: "another-fake-dependency"), "lastName"),
        Param(DataKey("age", raw: true, dependency: "use-event-data-type"), "age"),
        Param(DataKey("isActive", raw: true, dependency: "use-event-data-type"), "isActive"),
        Param(DataKey("age", dependency: "use-event-data-type"), "typelessAge"),
        Param(DataKey("isActive", dependency: "use-event-data-type"), "typelessIsActive"),
    ];

    [Fact]
    public void Builds_the_payload_with_raw_and_typeless_values()
    {
        var payload = TriggerParameters.ConstructPayload(ThreeEvents, Parameters("firstName", "lastName"));
        Assert.Equal("""{"firstName":"fake","lastName":"foo","age":100,"isActive":false,"typelessAge":"100","typelessIsActive":"false"}""", Utf8(payload));
    }

    [Fact]
    public void Missing_keys_use_the_default_values()
    {
        using var doc = JsonDocument.Parse(TriggerParameters.ConstructPayload(ThreeEvents, Parameters("unknown", "unknown")));
        Assert.Equal("faker", doc.RootElement.GetProperty("firstName").GetString());
        Assert.Equal("bar", doc.RootElement.GetProperty("lastName").GetString());
        Assert.Equal(100, doc.RootElement.GetProperty("age").GetInt32());
    }

    [Fact]
    public void Null_with_raw_data_stays_null()
    {
        var events = new Dictionary<string, SensorEvent> { ["test-dep"] = Event("""{"nullable_key": null, "other_key": "value"}""") };
        var payload = Utf8(TriggerParameters.ConstructPayload(
            events,
            [Param(DataKey("nullable_key", raw: true, dependency: "test-dep"), "nullable_key"), Param(DataKey("other_key", dependency: "test-dep"), "other_key")]));
        Assert.Equal("""{"nullable_key":null,"other_key":"value"}""", payload);
    }

    [Fact]
    public void Empty_dest_makes_the_value_the_whole_payload_and_stops()
    {
        var payload = TriggerParameters.ConstructPayload(
            ThreeEvents,
            [
                Param(DataKey("firstName", dependency: "fake-dependency"), "first"),
                Param(new TriggerParameterSource { DependencyName = "use-event-data-type", DataKey = "countries" }, string.Empty),
                Param(DataKey("lastName", dependency: "another-fake-dependency"), "last"),
            ]);
        Assert.Equal("""["ca", "us", "mx"]""", Utf8(payload));
    }

    [Fact]
    public void Empty_dest_with_whole_event_sends_argos_event_json()
    {
        var payload = TriggerParameters.ConstructPayload(ThreeEvents, [Param(new TriggerParameterSource { DependencyName = "fake-dependency" }, string.Empty)]);
        Assert.Equal(ThreeEvents["fake-dependency"].ToArgoJson(), payload);
    }

    [Fact]
    public void Empty_dest_of_a_skipped_parameter_is_passed_over()
    {
        var payload = TriggerParameters.ConstructPayload(
            ThreeEvents,
            [Param(DataKey("x", dependency: "did-not-fire"), string.Empty), Param(DataKey("firstName", dependency: "fake-dependency"), "a")]);
        Assert.Equal("""{"a":"fake"}""", Utf8(payload));
    }

    [Fact]
    public void Nothing_set_is_an_empty_payload() =>
        Assert.Empty(TriggerParameters.ConstructPayload(ThreeEvents, [Param(DataKey("x", dependency: "did-not-fire"), "a")]));

    [Fact]
    public void Numeric_first_dest_builds_an_array() =>
        Assert.Equal("""[null,"fake"]""", Utf8(TriggerParameters.ConstructPayload(ThreeEvents, [Param(DataKey("firstName", dependency: "fake-dependency"), "1")])));

    [Fact]
    public void Operations_are_ignored_when_constructing() =>
        Assert.Equal(
            """{"a":"foo"}""",
            Utf8(TriggerParameters.ConstructPayload(
                ThreeEvents,
                [Param(DataKey("firstName", dependency: "fake-dependency"), "a"), Param(DataKey("lastName", dependency: "another-fake-dependency"), "a", "append")])));

    [Fact]
    public void Resolution_errors_name_the_parameter()
    {
        var e = Assert.Throws<TriggerParameterException>(() =>
            TriggerParameters.ConstructPayload(ThreeEvents, [Param(DataKey("nope", dependency: "fake-dependency"), "target.field")]));
        Assert.Equal("target.field", e.Dest);
        Assert.Equal("fake-dependency", e.DependencyName);
        Assert.Contains("unable to resolve 'fake-dependency' parameter value", e.Message);
        Assert.Contains("dest 'target.field'", e.Message);
    }

    [Fact]
    public void Each_event_data_is_parsed_once_per_call_and_values_stay_per_event()
    {
        var parameters = Enumerable.Range(0, 20).Select(i => Param(DataKey("age", raw: true, dependency: "use-event-data-type"), $"a{i}")).ToArray();
        var payload = Utf8(TriggerParameters.ConstructPayload(ThreeEvents, parameters));
        var expected = new StringBuilder("{");
        for (var i = 0; i < 20; i++)
        {
            expected.Append(i == 0 ? string.Empty : ",").Append($"\"a{i}\":100");
        }

        Assert.Equal(expected.Append('}').ToString(), payload);
    }
}
