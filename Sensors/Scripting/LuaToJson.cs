using System.Buffers;
using System.Globalization;
using System.Text;
using KeraLua;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// Turns a Lua value back into JSON as Argo's transform does, with these rules: a table whose metatable has
/// <c>__is_array = true</c> is an array of its elements 1..n (n = largest integer key, holes as <c>null</c>; arrays that
/// came from the event carry that metatable); a table whose keys are exactly 1..n (n ≥ 1) is an array; any other table
/// is an object whose keys are its string and number keys, sorted bytewise as Go sorts map keys (an empty table is
/// <c>{}</c>). Integers print as integers, floats as Go prints them (<c>1</c> for 1.0), strings as UTF-8 with Go's
/// escaping (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> as \u escapes, invalid bytes as U+FFFD). Functions, threads, userdata,
/// NaN, infinities, cycles and other key types are errors.
/// </summary>
internal static class LuaToJson
{
    private const int MaxDepth = 100;
    private const string HexDigits = "0123456789abcdef";

    /// <summary>Converts the value at <paramref name="index"/> of <paramref name="lua"/>; the stack is left as it was.</summary>
    /// <exception cref="LuaScriptException">The value cannot be expressed as JSON.</exception>
    public static byte[] Convert(Lua lua, int index)
    {
        var output = new ArrayBufferWriter<byte>(256);
        var top = lua.GetTop();
        try
        {
            Write(lua, lua.AbsIndex(index), output, new HashSet<IntPtr>(), 0);
        }
        finally
        {
            lua.SetTop(top);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Write(Lua lua, int index, ArrayBufferWriter<byte> output, HashSet<IntPtr> path, int depth)
    {
        switch (lua.Type(index))
        {
            case LuaType.Nil:
                Ascii(output, "null");
                break;
            case LuaType.Boolean:
                Ascii(output, lua.ToBoolean(index) ? "true" : "false");
                break;
            case LuaType.Number:
                Ascii(output, NumberText(lua, index, "value"));
                break;
            case LuaType.String:
                WriteString(output, lua.ToBuffer(index, false));
                break;
            case LuaType.Table:
                WriteTable(lua, index, output, path, depth);
                break;
            default:
                throw new LuaScriptException($"a {lua.TypeName(index)} value cannot be converted to JSON");
        }
    }

    private static void WriteTable(Lua lua, int index, ArrayBufferWriter<byte> output, HashSet<IntPtr> path, int depth)
    {
        var pointer = lua.ToPointer(index);
        if (depth >= MaxDepth || !path.Add(pointer))
        {
            throw new LuaScriptException($"the table cannot be converted to JSON: it is cyclic or nested deeper than {MaxDepth} levels");
        }

        if (!lua.CheckStack(6))
        {
            throw new LuaScriptException("the table is nested too deeply for the Lua stack");
        }

        var markedArray = IsMarkedArray(lua, index);
        var integerKeys = new List<long>();
        var stringKeys = new List<byte[]>();
        lua.PushNil();
        while (lua.Next(index))
        {
            // Key at -2, value at -1; the key is only read, never converted in place, so iteration stays valid.
            switch (lua.Type(-2))
            {
                case LuaType.Number when lua.IsInteger(-2) && (!markedArray || lua.ToInteger(-2) >= 1):
                    integerKeys.Add(lua.ToInteger(-2));
                    break;
                case LuaType.Number when !markedArray:
                    stringKeys.Add(Encoding.ASCII.GetBytes(NumberText(lua, -2, "key")));
                    break;
                case LuaType.String when !markedArray:
                    stringKeys.Add(lua.ToBuffer(-2, false));
                    break;
                default:
                    throw new LuaScriptException(markedArray
                        ? $"a table marked __is_array has a {lua.TypeName(-2)} key that is not a positive integer; only those can become a JSON array"
                        : $"a table with a {lua.TypeName(-2)} key cannot be converted to JSON");
            }

            lua.Pop(1);
        }

        if (markedArray || (stringKeys.Count == 0 && IsSequence(integerKeys)))
        {
            WriteArray(lua, index, output, path, depth, integerKeys.Count == 0 ? 0 : integerKeys.Max());
        }
        else
        {
            WriteObject(lua, index, output, path, depth, integerKeys, stringKeys);
        }

        path.Remove(pointer);
    }

    private static bool IsMarkedArray(Lua lua, int index)
    {
        if (!lua.GetMetaTable(index))
        {
            return false;
        }

        lua.PushString("__is_array");
        lua.RawGet(-2);
        var marked = lua.Type(-1) == LuaType.Boolean && lua.ToBoolean(-1);
        lua.Pop(2);
        return marked;
    }

    private static bool IsSequence(List<long> keys)
    {
        if (keys.Count == 0)
        {
            return false;
        }

        keys.Sort();
        return keys[0] == 1 && keys[^1] == keys.Count;
    }

    private static void WriteArray(Lua lua, int index, ArrayBufferWriter<byte> output, HashSet<IntPtr> path, int depth, long length)
    {
        Ascii(output, "[");
        for (long i = 1; i <= length; i++)
        {
            if (i > 1)
            {
                Ascii(output, ",");
            }

            lua.RawGetInteger(index, i);
            Write(lua, lua.GetTop(), output, path, depth + 1);
            lua.Pop(1);
        }

        Ascii(output, "]");
    }

    private static void WriteObject(
        Lua lua, int index, ArrayBufferWriter<byte> output, HashSet<IntPtr> path, int depth, List<long> integerKeys, List<byte[]> stringKeys)
    {
        var entries = new List<(byte[] Name, long? Integer)>(integerKeys.Count + stringKeys.Count);
        entries.AddRange(integerKeys.Select(k => (Encoding.ASCII.GetBytes(k.ToString(CultureInfo.InvariantCulture)), (long?)k)));
        entries.AddRange(stringKeys.Select(k => (k, (long?)null)));
        entries.Sort((a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        Ascii(output, "{");
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, integer) = entries[i];
            if (i > 0)
            {
                if (entries[i - 1].Name.AsSpan().SequenceEqual(name))
                {
                    throw new LuaScriptException($"the table has two keys that both become the JSON key \"{Encoding.UTF8.GetString(name)}\"");
                }

                Ascii(output, ",");
            }

            WriteString(output, name);
            Ascii(output, ":");
            if (integer is { } n)
            {
                lua.RawGetInteger(index, n);
            }
            else
            {
                PushKey(lua, index, name);
            }

            Write(lua, lua.GetTop(), output, path, depth + 1);
            lua.Pop(1);
        }

        Ascii(output, "}");
    }

    // A non-integer number key was listed by its text; find it again by walking the table.
    private static void PushKey(Lua lua, int index, byte[] name)
    {
        lua.PushBuffer(name);
        if (lua.RawGet(index) != LuaType.Nil)
        {
            return;
        }

        lua.Pop(1);
        lua.PushNil();
        while (lua.Next(index))
        {
            if (lua.Type(-2) == LuaType.Number && !lua.IsInteger(-2) &&
                Encoding.ASCII.GetBytes(NumberText(lua, -2, "key")).AsSpan().SequenceEqual(name))
            {
                lua.Remove(-2);
                return;
            }

            lua.Pop(1);
        }

        lua.PushNil();
    }

    private static string NumberText(Lua lua, int index, string what)
    {
        if (lua.IsInteger(index))
        {
            return lua.ToInteger(index).ToString(CultureInfo.InvariantCulture);
        }

        var number = lua.ToNumber(index);
        if (!double.IsFinite(number))
        {
            throw new LuaScriptException($"the {what} {(double.IsNaN(number) ? "NaN" : number > 0 ? "inf" : "-inf")} cannot be converted to JSON");
        }

        return GoJsonNumber.Format(number);
    }

    private static void WriteString(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        Ascii(output, "\"");
        while (!text.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(text, out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                Ascii(output, "\\ufffd");
            }
            else if (rune.Value < 0x80)
            {
                WriteAscii(output, (char)rune.Value);
            }
            else if (rune.Value is 0x2028 or 0x2029)
            {
                Ascii(output, rune.Value == 0x2028 ? "\\u2028" : "\\u2029");
            }
            else
            {
                output.Write(text[..consumed]);
            }

            text = text[consumed..];
        }

        Ascii(output, "\"");
    }

    private static void WriteAscii(ArrayBufferWriter<byte> output, char c)
    {
        switch (c)
        {
            case '"':
                Ascii(output, "\\\"");
                return;
            case '\\':
                Ascii(output, "\\\\");
                return;
            case '\n':
                Ascii(output, "\\n");
                return;
            case '\r':
                Ascii(output, "\\r");
                return;
            case '\t':
                Ascii(output, "\\t");
                return;
            case '\b':
                Ascii(output, "\\b");
                return;
            case '\f':
                Ascii(output, "\\f");
                return;
        }

        if (c < 0x20 || c is '<' or '>' or '&')
        {
            Ascii(output, $"\\u00{HexDigits[c >> 4]}{HexDigits[c & 0xF]}");
            return;
        }

        var span = output.GetSpan(1);
        span[0] = (byte)c;
        output.Advance(1);
    }

    private static void Ascii(ArrayBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }
}
