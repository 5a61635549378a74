using System.Text.Json;
using KeraLua;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// Pushes an event's JSON data onto a Lua stack as the <c>event</c> table: objects become tables with string keys,
/// arrays 1-based tables marked with the array metatable (so they turn back into JSON arrays, even when empty), strings
/// stay UTF-8 bytes, <c>true</c>/<c>false</c> booleans, and <c>null</c> nil (a missing key; a hole in an array).
/// Numbers written as integers that a double holds exactly (|n| ≤ 2^53) become Lua integers, every other number a Lua
/// float: under Lua 5.4 both compare equal to the same literal (<c>event.a == 1</c>), and an integer prints as Lua 5.1
/// printed it (<c>tostring(event.a)</c> is <c>"1"</c>, not <c>"1.0"</c>).
/// </summary>
internal static class JsonToLua
{
    private const long MaxExactInteger = 1L << 53;

    /// <summary>
    /// Pushes the table for <paramref name="json"/>, which must be a JSON object (as Argo unmarshals it into a map;
    /// a top-level <c>null</c> gives an empty table). The value at <paramref name="arrayMetatableIndex"/> (absolute) is
    /// set as the metatable of every array.
    /// </summary>
    /// <exception cref="LuaScriptException">The data is not JSON, or not a JSON object.</exception>
    public static void PushEvent(Lua lua, ReadOnlySpan<byte> json, int arrayMetatableIndex)
    {
        var top = lua.GetTop();
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                throw new LuaScriptException("event data is not valid JSON: it is empty");
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    lua.NewTable();
                    break;
                case JsonTokenType.StartObject:
                    PushContainer(lua, ref reader, arrayMetatableIndex);
                    break;
                default:
                    throw new LuaScriptException($"event data must be a JSON object for a Lua script, not {Describe(reader.TokenType)}");
            }

            if (reader.Read())
            {
                throw new LuaScriptException("event data is not valid JSON: more than one value");
            }
        }
        catch (JsonException e)
        {
            lua.SetTop(top);
            throw new LuaScriptException($"event data is not valid JSON: {e.Message}", e);
        }
        catch
        {
            lua.SetTop(top);
            throw;
        }
    }

    // Iterative: each open object or array is a table on the stack; an object's pending key sits above its table.
    private static void PushContainer(Lua lua, ref Utf8JsonReader reader, int arrayMetatableIndex)
    {
        var arrayIndexes = new Stack<long>();
        var inArray = new Stack<bool>();
        OpenTable(lua, isArray: false, arrayMetatableIndex);
        inArray.Push(false);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    lua.PushBuffer(StringBytes(ref reader));
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var isArray = reader.TokenType == JsonTokenType.StartArray;
                    OpenTable(lua, isArray, arrayMetatableIndex);
                    inArray.Push(isArray);
                    if (isArray)
                    {
                        arrayIndexes.Push(0);
                    }

                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (inArray.Pop())
                    {
                        arrayIndexes.Pop();
                    }

                    if (inArray.Count == 0)
                    {
                        return;
                    }

                    break;
                case JsonTokenType.Null:
                    if (inArray.Peek())
                    {
                        arrayIndexes.Push(arrayIndexes.Pop() + 1);
                    }
                    else
                    {
                        lua.Pop(1);
                    }

                    continue;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    lua.PushBoolean(reader.TokenType == JsonTokenType.True);
                    break;
                case JsonTokenType.Number:
                    PushNumber(lua, ref reader);
                    break;
                case JsonTokenType.String:
                    lua.PushBuffer(StringBytes(ref reader));
                    break;
                default:
                    throw new LuaScriptException($"event data is not valid JSON: unexpected {reader.TokenType}");
            }

            Store(lua, inArray.Peek(), arrayIndexes);
        }
    }

    private static void OpenTable(Lua lua, bool isArray, int arrayMetatableIndex)
    {
        if (!lua.CheckStack(4))
        {
            throw new LuaScriptException("event data is nested too deeply for the Lua stack");
        }

        lua.NewTable();
        if (isArray)
        {
            lua.PushCopy(arrayMetatableIndex);
            lua.SetMetaTable(-2);
        }
    }

    // The value on top goes into the table below it (arrays) or below its key (objects).
    private static void Store(Lua lua, bool parentIsArray, Stack<long> arrayIndexes)
    {
        if (parentIsArray)
        {
            var index = arrayIndexes.Pop() + 1;
            arrayIndexes.Push(index);
            lua.RawSetInteger(-2, index);
        }
        else
        {
            lua.RawSet(-3);
        }
    }

    private static void PushNumber(Lua lua, ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        if (text.IndexOfAny("eE."u8) < 0 && reader.TryGetInt64(out var integer) && integer is >= -MaxExactInteger and <= MaxExactInteger)
        {
            lua.PushInteger(integer);
            return;
        }

        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw new LuaScriptException($"event data number {System.Text.Encoding.UTF8.GetString(text)} is out of range");
        }

        lua.PushNumber(number);
    }

    private static byte[] StringBytes(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        var buffer = new byte[reader.ValueSpan.Length];
        var length = reader.CopyString(buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString(),
    };
}
