using KeraLua;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// A dependency's <c>transform.script</c>: Lua run with the global table <c>event</c> holding the event's JSON data; it
/// must return a table, which is turned into the event's new JSON data as <see cref="LuaToJson"/> describes (a table
/// whose metatable has <c>__is_array = true</c> is an array even when empty; keys 1..n make an array; anything else an
/// object, <c>{}</c> when empty; integral numbers print without a fraction). Any other result, a runtime error, data
/// that is not a JSON object, or a limit of <see cref="LuaScriptLimits"/> gone over is a <see cref="LuaScriptException"/>.
/// The Lua 5.1 (Argo) versus 5.4 differences are listed on <see cref="LuaFilterScript"/>.
/// </summary>
internal sealed class LuaTransformScript : IDisposable
{
    private readonly LuaSandboxPool _pool;

    private LuaTransformScript(LuaSandboxPool pool) => _pool = pool;

    /// <summary>Compiles <paramref name="script"/> with the default limits.</summary>
    /// <exception cref="LuaScriptException">The script has a syntax error (Lua's message names the line).</exception>
    public static LuaTransformScript Compile(string script) => Compile(script, LuaScriptLimits.Default);

    /// <summary>Compiles <paramref name="script"/> with <paramref name="limits"/>.</summary>
    /// <exception cref="LuaScriptException">The script has a syntax error (Lua's message names the line).</exception>
    public static LuaTransformScript Compile(string script, LuaScriptLimits limits)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(limits);
        return new LuaTransformScript(new LuaSandboxPool(script, limits));
    }

    /// <summary>Runs the script on <paramref name="jsonData"/> and returns the JSON of the table it returned.</summary>
    /// <exception cref="LuaScriptException">
    /// The data is not a JSON object, the script failed, went over a limit, returned no table, or returned a table that
    /// has no JSON form.
    /// </exception>
    public byte[] Transform(ReadOnlyMemory<byte> jsonData) => _pool.Run(jsonData.Span, static (lua, results) =>
    {
        var type = results > 0 ? lua.Type(-1) : LuaType.None;
        if (type != LuaType.Table)
        {
            throw new LuaScriptException(
                $"Lua transform script must return a table, but returned {(type == LuaType.None ? "nothing" : $"a {lua.TypeName(type)} value")}");
        }

        return LuaToJson.Convert(lua, -1);
    });

    /// <summary>Closes the Lua states.</summary>
    public void Dispose() => _pool.Dispose();
}
