using System.Text;
using System.Text.Json;

namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>
/// A compiled gjson path. Supported: dotted keys <c>a.b.c</c>, array indexes <c>a.0</c>, <c>a.#</c> (length),
/// <c>a.#.b</c> (collect), key wildcards <c>*</c> and <c>?</c>, backslash escapes (<c>a\.b</c>), queries
/// <c>#(key=="v")</c>, <c>#(key&gt;1)</c>, <c>#(key%"pat*")</c>, <c>#(key)</c> (first match) and <c>#(...)#</c> (all
/// matches), and multipaths <c>[a,b]</c> / <c>{a,"k":b}</c> as a whole path or its last component. Refused with a
/// clear error: modifiers (<c>@reverse</c>...), pipes (<c>|</c>) and the <c>..</c> JSON-lines prefix. Compile once,
/// evaluate many times: evaluation does not allocate unless it must assemble JSON (collect, multipath).
/// </summary>
public sealed class GjsonPath
{
    private readonly GjsonSegment[] _segments;

    private GjsonPath(string text, GjsonSegment[] segments)
    {
        Text = text;
        _segments = segments;
        RawLocator = GjsonRawLocator.TryCreate(segments);
    }

    /// <summary>For a plain key path, a locator that finds the value in the raw bytes of well-formed JSON; else null.</summary>
    internal GjsonRawLocator? RawLocator { get; }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Compiles <paramref name="path"/>; an empty path is valid and selects the empty key <c>""</c>, as in gjson.</summary>
    /// <exception cref="GjsonPathException">The path uses a form this evaluator does not support or is malformed.</exception>
    public static GjsonPath Compile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new GjsonPath(path, [.. new Parser(path).ParseAll()]);
    }

    /// <summary>Evaluates the path against <paramref name="root"/>.</summary>
    public GjsonResult Get(JsonElement root) => Get(root, 0);

    /// <inheritdoc/>
    public override string ToString() => Text;

    private GjsonResult Get(JsonElement current, int i)
    {
        if (i == _segments.Length)
        {
            return GjsonResult.FromElement(current);
        }

        switch (_segments[i])
        {
            case KeySegment key:
                return GetKey(current, key, i);
            case HashSegment:
                if (current.ValueKind != JsonValueKind.Array)
                {
                    return GjsonResult.None;
                }

                return i == _segments.Length - 1 ? GjsonResult.FromCount(current.GetArrayLength()) : Collect(current, null, i);
            case QuerySegment query:
                if (current.ValueKind != JsonValueKind.Array)
                {
                    return GjsonResult.None;
                }

                if (query.All)
                {
                    return Collect(current, query.Query, i);
                }

                foreach (var item in current.EnumerateArray())
                {
                    if (query.Query.Matches(item))
                    {
                        return Get(item, i + 1);
                    }
                }

                return GjsonResult.None;
            case MultiPathSegment multi:
                return Build(current, multi);
            default:
                return GjsonResult.None;
        }
    }

    private GjsonResult GetKey(JsonElement current, KeySegment key, int i)
    {
        if (current.ValueKind == JsonValueKind.Object)
        {
            if (!key.HasWildcard)
            {
                return current.TryGetProperty(key.Name, out var value) ? Get(value, i + 1) : GjsonResult.None;
            }

            foreach (var property in current.EnumerateObject())
            {
                if (GlobPattern.IsMatch(key.Pattern, property.Name))
                {
                    return Get(property.Value, i + 1);
                }
            }

            return GjsonResult.None;
        }

        if (current.ValueKind == JsonValueKind.Array && key.Index >= 0 && key.Index < current.GetArrayLength())
        {
            return Get(current[key.Index], i + 1);
        }

        return GjsonResult.None;
    }

    private GjsonResult Collect(JsonElement array, GjsonQuery? filter, int i)
    {
        var sb = new StringBuilder("[");
        var first = true;
        foreach (var item in array.EnumerateArray())
        {
            if (filter is not null && !filter.Matches(item))
            {
                continue;
            }

            var r = Get(item, i + 1);
            if (!r.Exists)
            {
                continue;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            sb.Append(r.Raw);
        }

        return GjsonResult.FromBuiltJson(sb.Append(']').ToString());
    }

    private static GjsonResult Build(JsonElement current, MultiPathSegment multi)
    {
        var sb = new StringBuilder(multi.IsObject ? "{" : "[");
        var first = true;
        foreach (var (key, path) in multi.Items)
        {
            var r = path.Get(current);
            if (!r.Exists)
            {
                continue;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            if (multi.IsObject)
            {
                sb.Append(JsonSerializer.Serialize(key)).Append(':');
            }

            sb.Append(r.Raw);
        }

        return GjsonResult.FromBuiltJson(sb.Append(multi.IsObject ? '}' : ']').ToString());
    }

    /// <summary>Turns path text into segments, reporting the first problem with its position.</summary>
    private sealed class Parser(string path)
    {
        private int _pos;

        public List<GjsonSegment> ParseAll()
        {
            var segments = new List<GjsonSegment>();
            if (path.Length == 0)
            {
                // gjson reads an empty path as the empty key.
                segments.Add(new KeySegment(string.Empty, string.Empty, false));
                return segments;
            }

            if (path.StartsWith("..", StringComparison.Ordinal))
            {
                throw Error("the '..' JSON-lines prefix is not supported");
            }

            while (true)
            {
                segments.Add(ParseComponent());
                if (_pos == path.Length)
                {
                    return segments;
                }

                if (segments[^1] is MultiPathSegment)
                {
                    throw Error("a multipath must be the last component");
                }

                if (path[_pos] == '|')
                {
                    throw Error("pipes ('|') are not supported");
                }

                _pos++; // the '.' that ended the component
                if (_pos == path.Length)
                {
                    throw Error("the path ends with '.'");
                }
            }
        }

        private GjsonSegment ParseComponent()
        {
            var c = path[_pos];
            if (c is '[' or '{')
            {
                return ParseMultiPath();
            }

            if (c == '@')
            {
                throw Error("modifiers ('@...') are not supported");
            }

            if (c == '#')
            {
                if (_pos + 1 < path.Length && path[_pos + 1] == '(')
                {
                    return ParseQuery();
                }

                _pos++;
                ExpectEndOfComponent();
                return new HashSegment();
            }

            var name = new StringBuilder();
            var pattern = new StringBuilder();
            var wildcard = false;
            var start = _pos;
            while (_pos < path.Length && path[_pos] != '.' && path[_pos] != '|')
            {
                var ch = path[_pos];
                if (ch == '\\')
                {
                    if (_pos + 1 == path.Length)
                    {
                        throw Error("a trailing '\\' escapes nothing");
                    }

                    name.Append(path[_pos + 1]);
                    pattern.Append('\\').Append(path[_pos + 1]);
                    _pos += 2;
                    continue;
                }

                wildcard |= ch is '*' or '?';
                name.Append(ch);
                pattern.Append(ch);
                _pos++;
            }

            if (_pos == start)
            {
                throw Error("empty key");
            }

            return new KeySegment(name.ToString(), pattern.ToString(), wildcard);
        }

        private void ExpectEndOfComponent()
        {
            if (_pos < path.Length && path[_pos] != '.' && path[_pos] != '|')
            {
                throw Error($"unexpected '{path[_pos]}'");
            }
        }

        private QuerySegment ParseQuery()
        {
            var open = _pos + 1;
            var close = FindClose(open, '(', ')');
            var content = path[(open + 1)..close];
            _pos = close + 1;
            var all = false;
            if (_pos < path.Length && path[_pos] == '#')
            {
                all = true;
                _pos++;
            }

            ExpectEndOfComponent();
            return new QuerySegment(ParseCondition(content, open + 1), all);
        }

        private GjsonQuery ParseCondition(string content, int offset)
        {
            int depth = 0, at = -1;
            for (var i = 0; i < content.Length && at < 0; i++)
            {
                var ch = content[i];
                if (ch == '\\')
                {
                    i++;
                }
                else if (ch == '"')
                {
                    i = SkipString(content, i);
                }
                else if (ch is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (ch is ')' or ']' or '}')
                {
                    depth--;
                }
                else if (depth == 0 && ch is '=' or '!' or '<' or '>' or '%')
                {
                    at = i;
                }
            }

            if (at < 0)
            {
                var existence = content.Trim();
                return new GjsonQuery(existence.Length == 0 ? null : Sub(existence, offset), string.Empty, string.Empty);
            }

            var two = at + 1 < content.Length ? content.Substring(at, 2) : string.Empty;
            var (op, width) = two switch
            {
                "==" or "!=" or "<=" or ">=" or "!%" => (two, 2),
                _ => content[at] switch
                {
                    '=' => ("==", 1),
                    '<' => ("<", 1),
                    '>' => (">", 1),
                    '%' => ("%", 1),
                    _ => throw new GjsonPathException(path, offset + at, "unknown query operator"),
                },
            };

            var left = content[..at].Trim();
            var right = content[(at + width)..].Trim();
            if (right.Length == 0)
            {
                throw new GjsonPathException(path, offset + at, $"the query operator '{op}' has no value");
            }

            string literal;
            if (right[0] == '"')
            {
                try
                {
                    literal = JsonSerializer.Deserialize<string>(right) ?? string.Empty;
                }
                catch (JsonException)
                {
                    throw new GjsonPathException(path, offset + at + width, "the query value is not a valid JSON string");
                }
            }
            else
            {
                literal = right;
            }

            return new GjsonQuery(left.Length == 0 ? null : Sub(left, offset), op, literal);
        }

        private GjsonPath Sub(string text, int offset)
        {
            try
            {
                return Compile(text);
            }
            catch (GjsonPathException e)
            {
                throw new GjsonPathException(path, offset + e.Position, $"in query path '{text}': {e.Message}");
            }
        }

        private MultiPathSegment ParseMultiPath()
        {
            var isObject = path[_pos] == '{';
            var close = FindClose(_pos, path[_pos], isObject ? '}' : ']');
            var items = new List<(string, GjsonPath)>();
            var start = _pos + 1;
            var depth = 0;
            for (var i = start; i <= close; i++)
            {
                var ch = path[i];
                if (ch == '\\')
                {
                    i++;
                    continue;
                }

                if (ch == '"')
                {
                    i = SkipString(path, i);
                    continue;
                }

                if (ch is '(' or '[' or '{')
                {
                    depth++;
                }
                else if ((ch is ')' or ']' or '}') && i != close)
                {
                    depth--;
                }
                else if (i == close || ch == ',' && depth == 0)
                {
                    var item = path[start..i].Trim();
                    if (item.Length > 0)
                    {
                        items.Add(MultiItem(item, isObject, start));
                    }

                    start = i + 1;
                }
            }

            _pos = close + 1;
            return new MultiPathSegment(isObject, items);
        }

        private (string, GjsonPath) MultiItem(string item, bool isObject, int offset)
        {
            string? key = null;
            var text = item;
            if (isObject && item[0] == '"')
            {
                var end = SkipString(item, 0);
                var colon = item.IndexOf(':', end);
                if (colon < 0)
                {
                    throw new GjsonPathException(path, offset, "a quoted multipath key needs ':' and a path");
                }

                key = JsonSerializer.Deserialize<string>(item[..(end + 1)]);
                text = item[(colon + 1)..].Trim();
            }

            var sub = Sub(text, offset);
            if (key is null)
            {
                var last = LastComponent(text);
                key = last;
            }

            return (key!, sub);
        }

        private static string LastComponent(string text)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    sb.Append(text[++i]);
                }
                else if (text[i] == '.')
                {
                    sb.Clear();
                }
                else
                {
                    sb.Append(text[i]);
                }
            }

            return sb.ToString();
        }

        private int FindClose(int open, char opening, char closing)
        {
            var depth = 0;
            for (var i = open; i < path.Length; i++)
            {
                var ch = path[i];
                if (ch == '\\')
                {
                    i++;
                }
                else if (ch == '"')
                {
                    i = SkipString(path, i);
                }
                else if (ch == opening)
                {
                    depth++;
                }
                else if (ch == closing && --depth == 0)
                {
                    return i;
                }
            }

            throw new GjsonPathException(path, open, $"'{opening}' is never closed");
        }

        private int SkipString(string text, int quote)
        {
            for (var i = quote + 1; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '"')
                {
                    return i;
                }
            }

            throw new GjsonPathException(path, quote, "unterminated string");
        }

        private GjsonPathException Error(string problem) => new(path, _pos, problem);
    }
}
