using System.Runtime.InteropServices;
using KeraLua;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>The Lua C API calls KeraLua does not wrap, bound to the same native library KeraLua ships.</summary>
internal static class LuaNative
{
    private const string Library = "lua54";

    private static readonly Lazy<IntPtr> RaiseErrorPointer = new(() =>
        NativeLibrary.GetExport(NativeLibrary.Load(Library, typeof(Lua).Assembly, null), "lua_error"));

    /// <summary>
    /// The address of the native <c>lua_error</c>. Installed as a count hook it raises a Lua error from native code at
    /// the next instruction (the hook's extra argument is ignored by the C calling convention), which managed code
    /// cannot do safely itself.
    /// </summary>
    public static IntPtr RaiseError => RaiseErrorPointer.Value;

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, which this project does not allow.
#pragma warning disable SYSLIB1054
    /// <summary><c>lua_isyieldable</c>: whether the running function may yield (false inside a callback run from C).</summary>
    [DllImport(Library, EntryPoint = "lua_isyieldable")]
    public static extern int IsYieldable(IntPtr state);

    /// <summary><c>lua_yieldk</c> without continuation; from a hook it suspends the coroutine without a long jump.</summary>
    [DllImport(Library, EntryPoint = "lua_yieldk")]
    public static extern int Yield(IntPtr state, int results, IntPtr context, IntPtr continuation);

    /// <summary><c>lua_sethook</c> with a native hook address.</summary>
    [DllImport(Library, EntryPoint = "lua_sethook")]
    public static extern void SetHook(IntPtr state, IntPtr hook, int mask, int count);
#pragma warning restore SYSLIB1054
}
