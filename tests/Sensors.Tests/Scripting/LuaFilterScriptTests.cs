using System.Text;
using ArgoEvents.Sensors.Scripting;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Scripting;

public class LuaFilterScriptTests
{
    private static ReadOnlyMemory<byte> Json(string text) => Encoding.UTF8.GetBytes(text);

    private static bool Evaluate(string script, string json)
    {
        using var filter = LuaFilterScript.Compile(script);
        return filter.Evaluate(Json(json));
    }

    [Fact]
    public void Argo_case_script_returning_true_passes() =>
        Assert.True(Evaluate("""if event.a == "hello" then return true else return false end""", """{"a":"hello"}"""));

    [Fact]
    public void Argo_case_script_returning_false_rejects() =>
        Assert.False(Evaluate("""if event.a == "hello" then return false else return true end""", """{"a":"hello"}"""));

    [Fact]
    public void Argo_case_syntax_error_is_an_error_naming_it()
    {
        var e = Assert.Throws<LuaScriptException>(() => LuaFilterScript.Compile("if event.a == \"hello\" then return true"));
        Assert.Contains("syntax error", e.Message, StringComparison.Ordinal);
        Assert.Contains("'end' expected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argo_case_indexing_an_undefined_global_is_a_runtime_error()
    {
        using var filter = LuaFilterScript.Compile("return a.a == 1");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Json("""{"a":1}""")));
        Assert.Contains("attempt to index a nil value (global 'a')", e.Message, StringComparison.Ordinal);
        Assert.Contains("script:1:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return 1")]
    [InlineData("return \"true\"")]
    [InlineData("return {}")]
    [InlineData("return nil")]
    [InlineData("local x = 1")]
    [InlineData("return true, false")]
    public void Anything_but_the_boolean_true_on_top_rejects(string script) => Assert.False(Evaluate(script, "{}"));

    [Fact]
    public void The_last_returned_value_decides() => Assert.True(Evaluate("return false, true", "{}"));

    [Fact]
    public void Error_called_by_the_script_is_reported_with_its_text()
    {
        using var filter = LuaFilterScript.Compile("error('bad event ' .. event.id)");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Json("""{"id":"x1"}""")));
        Assert.Contains("bad event x1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_string_error_objects_are_described()
    {
        using var filter = LuaFilterScript.Compile("error({})");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Json("{}")));
        Assert.Contains("error object is a table value", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\":")]
    [InlineData("{} {}")]
    public void Data_that_is_not_json_is_an_error(string data)
    {
        using var filter = LuaFilterScript.Compile("return true");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Json(data)));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("12", "a number")]
    public void Data_that_is_not_an_object_is_an_error_as_in_argo(string data, string described)
    {
        using var filter = LuaFilterScript.Compile("return true");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Json(data)));
        Assert.Contains($"must be a JSON object for a Lua script, not {described}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_data_is_an_empty_event_table() => Assert.True(Evaluate("return next(event) == nil", "null"));

    [Fact]
    public void Nested_json_becomes_lua_values()
    {
        const string data = """
            {"s":"héllo","i":1,"f":1.5,"big":12345678901234567890,"t":true,"n":null,
             "o":{"p":{"q":"deep"}},"arr":[10,"x",false,[1,2],{"k":"v"}],"esc":"a\"b\\c\n\u00e9"}
            """;
        const string script = """
            assert(event.s == "héllo", "s")
            assert(event.i == 1 and math.type(event.i) == "integer" and tostring(event.i) == "1", "i")
            assert(event.f == 1.5 and math.type(event.f) == "float", "f")
            assert(math.type(event.big) == "float" and event.big > 1e19, "big")
            assert(event.t == true, "t")
            assert(event.n == nil, "n")
            assert(event.o.p.q == "deep", "o")
            assert(#event.arr == 5, "arr length")
            assert(event.arr[1] == 10 and event.arr[2] == "x" and event.arr[3] == false, "arr scalars")
            assert(event.arr[4][2] == 2 and event.arr[5].k == "v", "arr nested")
            assert(event.esc == "a\"b\\c\n\xc3\xa9", "escapes")
            return true
            """;
        Assert.True(Evaluate(script, data));
    }

    [Fact]
    public void Float_literals_compare_equal_to_integer_literals() =>
        Assert.True(Evaluate("return event.a == 1 and event.b == 2 and event.c == 3", """{"a":1.0,"b":2,"c":3e0}"""));

    [Fact]
    public void Nulls_in_arrays_are_holes_that_keep_positions() =>
        Assert.True(Evaluate("return event.a[1] == nil and event.a[2] == 2", """{"a":[null,2]}"""));

    [Fact]
    public void Scripts_cannot_reach_io_os_or_loaders()
    {
        using var filter = LuaFilterScript.Compile("""
            return io == nil and os == nil and package == nil and require == nil and debug == nil
               and coroutine == nil and dofile == nil and loadfile == nil and load == nil
               and collectgarbage == nil and string.dump == nil and getmetatable("") == false
            """);
        Assert.True(filter.Evaluate(Json("{}")));
    }

    [Fact]
    public void Calling_os_execute_is_an_error()
    {
        using var filter = LuaFilterScript.Compile("""os.execute("touch /tmp/lua-sandbox-escape") return true""");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Json("{}")));
        Assert.Contains("global 'os'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_libraries_work()
    {
        const string script = """
            local parts = {}
            for w in string.gmatch(event.csv, "[^,]+") do table.insert(parts, w:upper()) end
            return table.concat(parts, "-") == "A-B-C" and math.max(3, event.n) == 7 and string.format("%d", event.n) == "7"
            """;
        Assert.True(Evaluate(script, """{"csv":"a,b,c","n":7}"""));
    }

    [Fact]
    public void Globals_set_by_one_event_do_not_leak_into_the_next()
    {
        using var filter = LuaFilterScript.Compile("""
            local first = seen == nil and string.marker == nil and math.pi ~= 0
            seen = true
            string.marker = true
            math.pi = 0
            _G.other = 1
            return first
            """);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(filter.Evaluate(Json("{}")));
        }
    }

    [Fact]
    public void Evaluations_from_many_threads_at_once_each_see_their_own_event()
    {
        using var filter = LuaFilterScript.Compile("""
            local sum = 0
            for i = 1, 2000 do sum = sum + i end
            mine = event.id
            return sum == 2001000 and mine == event.id and event.id % 2 == 0
            """);
        var failures = 0;
        var wrong = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                if (filter.Evaluate(Json($$"""{"id":{{i}}}""")) != (i % 2 == 0))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
            catch (LuaScriptException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Disposed_filter_refuses_to_evaluate()
    {
        var filter = LuaFilterScript.Compile("return true");
        filter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => filter.Evaluate(Json("{}")));
    }
}
