namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// A Lua script (a dependency's <c>filters.script</c> or <c>transform.script</c>) could not be compiled or failed while
/// it ran: a syntax error, a runtime error, a result of the wrong kind, event data that is not a JSON object, or a
/// limit (instructions, memory) that the script went over. The message carries Lua's own error text.
/// </summary>
public sealed class LuaScriptException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public LuaScriptException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public LuaScriptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public LuaScriptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
