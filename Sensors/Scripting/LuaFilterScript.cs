using KeraLua;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// A dependency's <c>filters.script</c>: Lua run with the global table <c>event</c> holding the event's JSON data; the
/// event passes only when the script returns exactly the boolean <c>true</c> (the last value returned is looked at, as
/// Argo looks at the top of the stack); any other result rejects it. A runtime error, data that is not a JSON object,
/// or a limit of <see cref="LuaScriptLimits"/> gone over is a <see cref="LuaScriptException"/>.
/// </summary>
/// <remarks>
/// Argo runs scripts on gopher-lua (Lua 5.1); this runs Lua 5.4. What a script may notice: JSON numbers written as
/// integers are Lua integers and the others floats (both compare equal to the same literal, so <c>event.a == 1</c>
/// works; <c>math.type</c> tells them apart, integer arithmetic wraps past 2^63, <c>n // 0</c> and <c>n % 0</c> on
/// integers are errors); <c>/</c> always gives a float, so <c>tostring(4 / 2)</c> is <c>"2.0"</c>; <c>unpack</c>,
/// <c>setfenv</c>, <c>getfenv</c>, <c>loadstring</c>, <c>table.getn</c> and <c>math.pow</c> do not exist (use
/// <c>table.unpack</c>, <c>x ^ y</c>); integer division <c>//</c>, bit operators and <c>goto</c> are available. No
/// io, os, package, debug or coroutine library, and no <c>dofile</c>, <c>loadfile</c>, <c>load</c> or
/// <c>collectgarbage</c>. JSON arrays are tables with a metatable marking them as arrays.
/// </remarks>
internal sealed class LuaFilterScript : IDisposable
{
    private readonly LuaSandboxPool _pool;

    private LuaFilterScript(LuaSandboxPool pool) => _pool = pool;

    /// <summary>Compiles <paramref name="script"/> with the default limits.</summary>
    /// <exception cref="LuaScriptException">The script has a syntax error (Lua's message names the line).</exception>
    public static LuaFilterScript Compile(string script) => Compile(script, LuaScriptLimits.Default);

    /// <summary>Compiles <paramref name="script"/> with <paramref name="limits"/>.</summary>
    /// <exception cref="LuaScriptException">The script has a syntax error (Lua's message names the line).</exception>
    public static LuaFilterScript Compile(string script, LuaScriptLimits limits)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(limits);
        return new LuaFilterScript(new LuaSandboxPool(script, limits));
    }

    /// <summary>Runs the script on <paramref name="jsonData"/>; true only if it returned <c>true</c>.</summary>
    /// <exception cref="LuaScriptException">The data is not a JSON object, the script failed, or it went over a limit.</exception>
    public bool Evaluate(ReadOnlyMemory<byte> jsonData) =>
        _pool.Run(jsonData.Span, static (lua, results) => results > 0 && lua.Type(-1) == LuaType.Boolean && lua.ToBoolean(-1));

    /// <summary>Closes the Lua states.</summary>
    public void Dispose() => _pool.Dispose();
}
