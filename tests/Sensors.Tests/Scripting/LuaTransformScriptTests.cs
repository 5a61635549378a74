using System.Text;
using ArgoEvents.Sensors.Scripting;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Scripting;

public class LuaTransformScriptTests
{
    private static string Transform(string script, string json)
    {
        using var transform = LuaTransformScript.Compile(script);
        return Encoding.UTF8.GetString(transform.Transform(Encoding.UTF8.GetBytes(json)));
    }

    private static LuaScriptException TransformFails(string script, string json)
    {
        using var transform = LuaTransformScript.Compile(script);
        return Assert.Throws<LuaScriptException>(() => transform.Transform(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Argo_case_modifying_a_nested_array() =>
        Assert.Equal("""{"a":1,"b":"2","c":{"d":[4]}}""", Transform("event.c.d[1]=4; return event", """{"a":1,"b":"2","c":{"d":[3]}}"""));

    [Fact]
    public void Argo_case_returning_a_string_is_an_error()
    {
        var e = TransformFails("return \"hello\"", """{"a":1}""");
        Assert.Contains("must return a table, but returned a string value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argo_case_marked_empty_table_is_an_empty_array() =>
        Assert.Equal("[]", Transform("return setmetatable({}, {__is_array=true})", "{}"));

    [Fact]
    public void Returning_nothing_is_an_error() =>
        Assert.Contains("returned nothing", TransformFails("event.a = 2", "{}").Message, StringComparison.Ordinal);

    [Fact]
    public void Empty_table_is_an_empty_object() => Assert.Equal("{}", Transform("return {}", """{"a":1}"""));

    [Fact]
    public void Sequence_is_an_array_and_mixed_keys_an_object()
    {
        Assert.Equal("""[1,"two",true]""", Transform("return {1, 'two', true}", "{}"));
        Assert.Equal("""{"1":"a","x":"b"}""", Transform("return {'a', x = 'b'}", "{}"));
        Assert.Equal("""{"1":"a","3":"c"}""", Transform("return {[1] = 'a', [3] = 'c'}", "{}"));
    }

    [Fact]
    public void Marked_array_with_holes_has_nulls() =>
        Assert.Equal("""[null,2,null,4]""", Transform("return setmetatable({[2] = 2, [4] = 4}, {__is_array = true})", "{}"));

    [Fact]
    public void Arrays_from_the_event_stay_arrays_even_when_emptied() =>
        Assert.Equal("""{"a":[],"b":[]}""", Transform("event.a[1] = nil; return event", """{"a":[1],"b":[]}"""));

    [Fact]
    public void Nested_json_round_trips()
    {
        const string data = """{"a":{"b":[1,2.5,{"c":[true,false,null]},[]],"d":"x"},"e":-3,"f":"h\u00e9"}""";
        Assert.Equal("""{"a":{"b":[1,2.5,{"c":[true,false]},[]],"d":"x"},"e":-3,"f":"hé"}""", Transform("return event", data));
    }

    [Fact]
    public void Keys_are_sorted_bytewise_as_go_sorts_map_keys() =>
        Assert.Equal("""{"B":2,"a":1,"b":3,"é":4}""", Transform("return {b = 3, a = 1, B = 2, ['é'] = 4}", "{}"));

    [Fact]
    public void Numbers_print_as_go_prints_them()
    {
        Assert.Equal("""[1,2,0.5,-7,1e+21,1.5e-7,123456789,100000000000000000000,-0]""",
            Transform("return {1.0, 4 / 2, 0.5, -7, 1e21, 1.5e-7, 123456789.0, 1e20, -0.0}", "{}"));
        Assert.Equal("""{"big":9007199254740993,"x":0.1}""", Transform("return {big = 9007199254740993, x = 0.1}", "{}"));
    }

    [Fact]
    public void Strings_are_escaped_as_go_escapes_them() =>
        Assert.Equal("\"a\\\"b\\\\c\\n\\t\\u0001\\u003c\\u003e\\u0026\\u2028\\ufffdé\"",
            Transform("return {'a\"b\\\\c\\n\\t\\1<>&\\u{2028}\\xff\\u{e9}'}", "{}")[1..^1]);

    [Theory]
    [InlineData("return {f = print}", "a function value cannot be converted to JSON")]
    [InlineData("return {0/0}", "NaN cannot be converted to JSON")]
    [InlineData("return {math.huge}", "inf cannot be converted to JSON")]
    [InlineData("local t = {} t.self = t return t", "cyclic")]
    [InlineData("return {[{}] = 1}", "a table with a table key")]
    [InlineData("return {[1] = 'a', ['1'] = 'b', x = 1}", "two keys that both become the JSON key \"1\"")]
    [InlineData("return setmetatable({x = 1}, {__is_array = true})", "marked __is_array has a string key")]
    public void Values_without_a_json_form_are_errors(string script, string message) =>
        Assert.Contains(message, TransformFails(script, "{}").Message, StringComparison.Ordinal);

    [Fact]
    public void Fractional_number_keys_become_object_keys() =>
        Assert.Equal("""{"1.5":"x","a":1}""", Transform("return {[1.5] = 'x', a = 1}", "{}"));

    [Fact]
    public void Shared_subtables_are_not_cycles() =>
        Assert.Equal("""{"a":{"v":1},"b":{"v":1}}""", Transform("local s = {v = 1} return {a = s, b = s}", "{}"));

    [Fact]
    public void Runtime_error_names_lua_text() =>
        Assert.Contains("attempt to index a nil value (field 'x')", TransformFails("return event.x.y", "{}").Message, StringComparison.Ordinal);

    [Fact]
    public void Transforms_from_many_threads_each_return_their_own_event()
    {
        using var transform = LuaTransformScript.Compile("event.double = event.n * 2 return event");
        var results = new string[200];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = Encoding.UTF8.GetString(transform.Transform(Encoding.UTF8.GetBytes($$"""{"n":{{i}}}"""))));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($$"""{"double":{{i * 2}},"n":{{i}}}""", results[i]);
        }
    }
}
