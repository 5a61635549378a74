using System.Runtime.InteropServices;
using System.Text;
using KeraLua;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// One native Lua 5.4 state holding one compiled script, run on a dedicated coroutine so that the instruction limit can
/// stop it by yielding from a debug hook (raising a Lua error from managed code would long-jump across .NET frames;
/// where Lua cannot yield, Lua's native <c>lua_error</c> is made the hook instead). Only the libraries base (without
/// <c>dofile</c>, <c>loadfile</c>, <c>load</c>, <c>collectgarbage</c>, and with a <c>setmetatable</c> that refuses
/// <c>__gc</c>), string (without <c>dump</c>), table and math are opened: no io, os, package, debug or coroutine.
/// Every run gets a fresh global environment (fresh copies of the library tables included), so nothing a script sets
/// survives into the next event. Not thread-safe: <see cref="LuaSandboxPool"/> hands each sandbox to one caller at a
/// time.
/// </summary>
internal sealed class LuaSandbox : IDisposable
{
    private const string ChunkName = "=script";
    private const long GlobalsRegistryIndex = 2;
    private static readonly string[] RemovedBaseFunctions = ["dofile", "loadfile", "load", "collectgarbage"];

    // Finalizers run with debug hooks off, outside any limit, whenever the collector gets to them: refuse them.
    private static readonly byte[] GuardedSetMetatable = Encoding.UTF8.GetBytes("""
        local setmetatable, rawget, type, error = setmetatable, rawget, type, error
        return function(t, mt)
          if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
            error("setmetatable: __gc metamethods are not allowed in sensor scripts", 2)
          end
          return setmetatable(t, mt)
        end
        """);

    // Given the real globals, returns a fresh environment (library tables copied one level deep) and the metatable that
    // marks JSON arrays. Runs in Lua because that is far cheaper than one native call per entry.
    private static readonly byte[] EnvironmentFactory = Encoding.UTF8.GetBytes("""
        local next, type = next, type
        return function(globals)
          local env = {}
          for name, value in next, globals do
            if type(value) == "table" and value ~= globals then
              local copy = {}
              for k, v in next, value do copy[k] = v end
              value = copy
            end
            env[name] = value
          end
          env._G = env
          return env, {__is_array = true}
        end
        """);

    private readonly LuaScriptLimits _limits;
    private readonly LuaAlloc _allocator;
    private readonly LuaHookFunction _hook;
    private readonly Lua _state;
    private Lua _thread = null!;
    private int _chunkReference;
    private int _environmentFactoryReference;
    private long _allocatedBytes;
    private bool _enforceMemoryLimit;
    private long _instructions;
    private bool _instructionLimitHit;
    private bool _disposed;

    private LuaSandbox(LuaScriptLimits limits)
    {
        _limits = limits;
        _allocator = Allocate;
        _hook = CountInstructions;
        _state = new Lua(_allocator, IntPtr.Zero) { Encoding = Encoding.UTF8 };

        // KeraLua's own finalizer could close the state after the allocator delegate is gone; this class closes it.
        GC.SuppressFinalize(_state);
    }

    /// <summary>Closes the native state of a sandbox nobody disposed; the delegates it calls are still alive here.</summary>
    ~LuaSandbox() => CloseState();

    /// <summary>False once a run went over a limit; such a sandbox is not reused.</summary>
    public bool Reusable { get; private set; } = true;

    /// <summary>Creates a sandbox and compiles <paramref name="script"/> into it.</summary>
    /// <exception cref="LuaScriptException">The script has a syntax error.</exception>
    public static LuaSandbox Create(string script, LuaScriptLimits limits)
    {
        var sandbox = new LuaSandbox(limits);
        try
        {
            sandbox.OpenSafeLibraries();
            sandbox.Compile(script);
            return sandbox;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the script with the global <c>event</c> built from <paramref name="json"/>, then lets
    /// <paramref name="readResult"/> read the values the script returned (on the given stack; the count is passed).
    /// </summary>
    /// <exception cref="LuaScriptException">The data is not a JSON object, the script failed, or it went over a limit.</exception>
    public T Run<T>(ReadOnlySpan<byte> json, Func<Lua, int, T> readResult)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var thread = _thread;
        thread.SetTop(0);
        var status = LuaStatus.OK;
        try
        {
            thread.RawGetInteger(LuaRegistry.Index, _chunkReference);
            PushEnvironment(thread, json);
            thread.SetUpValue(-2, 1);
            _instructions = 0;
            _instructionLimitHit = false;
            thread.SetHook(_hook, LuaHookMask.Count, LuaScriptLimits.HookInterval);
            int results;
            _enforceMemoryLimit = true;
            try
            {
                status = thread.Resume(_state, 0, out results);
            }
            finally
            {
                _enforceMemoryLimit = false;
            }

            if (_instructionLimitHit)
            {
                Reusable = false;
                throw new LuaScriptException(
                    $"Lua script exceeded the limit of {_limits.MaxInstructions} instructions (an endless loop?)");
            }

            return status switch
            {
                LuaStatus.OK => readResult(thread, results),
                LuaStatus.Yield => throw new LuaScriptException("Lua script yielded instead of returning"),
                LuaStatus.ErrMem => throw MemoryLimitHit(),
                _ => throw new LuaScriptException($"Lua script error: {ErrorText(thread)}"),
            };
        }
        finally
        {
            if (status != LuaStatus.OK)
            {
                thread.ResetThread();
            }

            thread.SetTop(0);
        }
    }

    /// <summary>Closes the native state.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseState();
        GC.SuppressFinalize(this);
    }

    private void CloseState()
    {
        _state.Close();
        GC.KeepAlive(_allocator);
        GC.KeepAlive(_hook);
    }

    private LuaScriptException MemoryLimitHit()
    {
        Reusable = false;
        return new LuaScriptException($"Lua script exceeded the memory limit of {_limits.MaxMemoryBytes} bytes");
    }

    private void OpenSafeLibraries()
    {
        _state.OpenBasicLibrary();
        _state.SetTop(0);
        foreach (var name in RemovedBaseFunctions)
        {
            _state.PushNil();
            _state.SetGlobal(name);
        }

        if (_state.LoadBuffer(GuardedSetMetatable, "=setmetatable", "t") != LuaStatus.OK || _state.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new LuaScriptException($"Lua sandbox setup failed: {ErrorText(_state)}");
        }

        _state.SetGlobal("setmetatable");

        if (_state.LoadBuffer(EnvironmentFactory, "=environment", "t") != LuaStatus.OK || _state.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new LuaScriptException($"Lua sandbox setup failed: {ErrorText(_state)}");
        }

        _environmentFactoryReference = _state.Ref(LuaRegistry.Index);

        OpenLibrary("string", _state.OpenStringLibrary);
        OpenLibrary("table", _state.OpenTableLibrary);
        OpenLibrary("math", _state.OpenMathLibrary);

        // string.dump makes binary chunks; nothing can load them here, but leave no way to craft one either.
        _state.GetGlobal("string");
        _state.PushNil();
        _state.SetField(-2, "dump");
        _state.SetTop(0);

        // Strings share one metatable whose __index is the original string table; hide it so no run can change it.
        _state.PushString(string.Empty);
        _state.GetMetaTable(-1);
        _state.PushBoolean(false);
        _state.SetField(-2, "__metatable");
        _state.SetTop(0);

        _thread = _state.NewThread();
        _state.Ref(LuaRegistry.Index);
    }

    private void OpenLibrary(string name, Action open)
    {
        open();
        if (_state.GetTop() > 0 && _state.Type(-1) == LuaType.Table)
        {
            _state.SetGlobal(name);
        }

        if (_state.LoadBuffer(GuardedSetMetatable, "=setmetatable", "t") != LuaStatus.OK || _state.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new LuaScriptException($"Lua sandbox setup failed: {ErrorText(_state)}");
        }

        _state.SetGlobal("setmetatable");

        if (_state.LoadBuffer(EnvironmentFactory, "=environment", "t") != LuaStatus.OK || _state.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new LuaScriptException($"Lua sandbox setup failed: {ErrorText(_state)}");
        }

        _environmentFactoryReference = _state.Ref(LuaRegistry.Index);

        _state.SetTop(0);
    }

    private void Compile(string script)
    {
        var status = _state.LoadBuffer(Encoding.UTF8.GetBytes(script), ChunkName, "t");
        if (status != LuaStatus.OK)
        {
            var message = status == LuaStatus.ErrSyntax ? ErrorText(_state) : $"{status}: {ErrorText(_state)}";
            _state.SetTop(0);
            throw new LuaScriptException($"Lua syntax error: {message}");
        }

        _chunkReference = _state.Ref(LuaRegistry.Index);
    }

    // Builds a fresh environment on the main state (no hook there) and moves it onto the script's coroutine: copies of
    // the safe globals (library tables copied too), _G, and event.
    private void PushEnvironment(Lua thread, ReadOnlySpan<byte> json)
    {
        _state.SetTop(0);
        _state.RawGetInteger(LuaRegistry.Index, _environmentFactoryReference);
        _state.RawGetInteger(LuaRegistry.Index, GlobalsRegistryIndex);
        if (_state.PCall(1, 2, 0) != LuaStatus.OK)
        {
            var message = ErrorText(_state);
            _state.SetTop(0);
            throw new LuaScriptException($"Lua sandbox setup failed: {message}");
        }

        try
        {
            JsonToLua.PushEvent(_state, json, _state.GetTop());
        }
        catch
        {
            _state.SetTop(0);
            throw;
        }

        _state.PushString("event");
        _state.Insert(-2);
        _state.RawSet(1);
        _state.SetTop(1);
        _state.XMove(thread, 1);
    }

    private static string ErrorText(Lua lua) => lua.Type(-1) switch
    {
        LuaType.String => Encoding.UTF8.GetString(lua.ToBuffer(-1, false)),
        LuaType.Number => lua.IsInteger(-1)
            ? lua.ToInteger(-1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : lua.ToNumber(-1).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        LuaType.None => "(no error object)",
        _ => $"(error object is a {lua.TypeName(-1)} value)",
    };

    // Called by Lua for every allocation; must never throw.
    private IntPtr Allocate(IntPtr userData, IntPtr pointer, UIntPtr oldSize, UIntPtr newSize)
    {
        var previous = pointer == IntPtr.Zero ? 0L : (long)(ulong)oldSize;
        var requested = (long)(ulong)newSize;
        if (requested == 0)
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(pointer);
                _allocatedBytes -= previous;
            }

            return IntPtr.Zero;
        }

        if (requested > previous && _enforceMemoryLimit && _allocatedBytes - previous + requested > _limits.MaxMemoryBytes)
        {
            return IntPtr.Zero;
        }

        try
        {
            var result = pointer == IntPtr.Zero ? Marshal.AllocHGlobal((nint)requested) : Marshal.ReAllocHGlobal(pointer, (nint)requested);
            _allocatedBytes += requested - previous;
            return result;
        }
        catch (OutOfMemoryException)
        {
            return IntPtr.Zero;
        }
    }

    // Count hook on the script's coroutine; must never throw. Past the limit it yields, which Resume reports. Inside a
    // callback Lua runs from C (a table.sort comparator, a __tostring called by tostring) a coroutine cannot yield, and
    // a Lua error raised here would long-jump over this .NET frame; so Lua's own lua_error becomes the hook, raising an
    // error at every instruction from native code until the error leaves the script (a pcall can catch it only once).
    private void CountInstructions(IntPtr state, IntPtr debug)
    {
        _instructions += LuaScriptLimits.HookInterval;
        if (_instructions <= _limits.MaxInstructions)
        {
            return;
        }

        _instructionLimitHit = true;
        if (LuaNative.IsYieldable(state) != 0)
        {
            LuaNative.Yield(state, 0, IntPtr.Zero, IntPtr.Zero);
        }
        else
        {
            LuaNative.SetHook(state, LuaNative.RaiseError, (int)LuaHookMask.Count, 1);
        }
    }
}
