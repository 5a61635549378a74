namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// Bounds one run of a Lua script so that a runaway script fails the event instead of hanging or exhausting the sensor.
/// Argo's gopher-lua runs have no such bounds; these are generous for filters and transforms, which are small.
/// </summary>
/// <param name="MaxInstructions">
/// Lua VM instructions one run may execute (counted by a debug hook in steps of <see cref="HookInterval"/>). Time spent
/// inside a single library call (a long <c>string.rep</c>, a pattern match) is not counted.
/// </param>
/// <param name="MaxMemoryBytes">
/// Bytes the Lua state may hold while the script runs (the state's libraries and the event's tables included); an
/// allocation beyond it fails as Lua's "not enough memory" error.
/// </param>
internal sealed record LuaScriptLimits(long MaxInstructions, long MaxMemoryBytes)
{
    /// <summary>How many instructions pass between two calls of the counting hook.</summary>
    public const int HookInterval = 1000;

    /// <summary>10 million instructions (tens of milliseconds) and 64 MiB.</summary>
    public static LuaScriptLimits Default { get; } = new(10_000_000, 64L * 1024 * 1024);
}
