using System.Diagnostics;
using System.Text;
using ArgoEvents.Sensors.Scripting;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Scripting;

public class LuaScriptLimitsTests
{
    private static readonly ReadOnlyMemory<byte> Empty = Encoding.UTF8.GetBytes("{}");

    private static readonly LuaScriptLimits Small = new(100_000, 8L * 1024 * 1024);

    [Fact]
    public void Endless_loop_fails_with_the_instruction_limit()
    {
        using var filter = LuaFilterScript.Compile("while true do end", Small);
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Empty));
        Assert.Contains("exceeded the limit of 100000 instructions", e.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Endless_loop_with_the_default_limit_fails_too()
    {
        using var filter = LuaFilterScript.Compile("local i = 0 while true do i = i + 1 end");
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Empty));
        Assert.Contains($"limit of {LuaScriptLimits.Default.MaxInstructions} instructions", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table.sort({3, 1, 2}, function(a, b) while true do end end)")]
    [InlineData("tostring(setmetatable({}, {__tostring = function() while true do end end}))")]
    [InlineData("string.gsub('abc', '%w', function(c) while true do end end)")]
    [InlineData("while true do pcall(function() while true do end end) end")]
    [InlineData("while true do pcall(table.sort, {3, 1, 2}, function(a, b) while true do end end) end")]
    [InlineData("local t = setmetatable({}, {__index = function() while true do end end}) return t.x")]
    public void Endless_loops_where_lua_cannot_yield_or_that_catch_errors_are_stopped_too(string script)
    {
        using var filter = LuaFilterScript.Compile(script, Small);
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Empty));
        Assert.Contains("exceeded the limit of 100000 instructions", e.Message, StringComparison.Ordinal);
        Assert.Throws<LuaScriptException>(() => filter.Evaluate(Empty));
    }

    [Fact]
    public void Finalizers_are_refused_because_they_would_run_outside_the_limits()
    {
        using var filter = LuaFilterScript.Compile("setmetatable({}, {__gc = function() while true do end end}) return true", Small);
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Empty));
        Assert.Contains("__gc metamethods are not allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metatables_without_finalizers_still_work()
    {
        using var filter = LuaFilterScript.Compile(
            "local t = setmetatable({}, {__index = function(_, k) return k .. '!' end}) return t.hi == 'hi!' and getmetatable(t) ~= nil", Small);
        Assert.True(filter.Evaluate(Empty));
    }

    [Fact]
    public void Endless_recursion_fails_with_a_limit_and_the_script_still_runs_afterwards()
    {
        using var filter = LuaFilterScript.Compile("""
            local function f(n) return 1 + f(n + 1) end
            if event.recurse then return f(1) end
            return true
            """);
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Encoding.UTF8.GetBytes("""{"recurse":true}""")));
        Assert.Matches("stack overflow|memory limit", e.Message);
        Assert.True(filter.Evaluate(Empty));
    }

    [Fact]
    public void Huge_allocation_fails_with_the_memory_limit()
    {
        using var filter = LuaFilterScript.Compile("local s = string.rep('x', 100 * 1024 * 1024) return #s > 0", Small);
        var e = Assert.Throws<LuaScriptException>(() => filter.Evaluate(Empty));
        Assert.Contains("memory limit of 8388608 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_within_the_limits_runs_after_one_that_went_over()
    {
        using var filter = LuaFilterScript.Compile("if event.spin then while true do end end return true", Small);
        Assert.Throws<LuaScriptException>(() => filter.Evaluate(Encoding.UTF8.GetBytes("""{"spin":true}""")));
        Assert.True(filter.Evaluate(Empty));
        Assert.Throws<LuaScriptException>(() => filter.Evaluate(Encoding.UTF8.GetBytes("""{"spin":true}""")));
        Assert.True(filter.Evaluate(Empty));
    }

    [Fact]
    public void Work_just_under_the_limit_is_allowed()
    {
        using var filter = LuaFilterScript.Compile("local n = 0 for i = 1, 10000 do n = n + i end return n == 50005000", Small);
        Assert.True(filter.Evaluate(Empty));
    }
}
