using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ArgoEvents.Sensors.Filters;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// <c>test</c>, <c>match</c>, <c>capture</c>, <c>scan</c>, <c>split/2</c>, <c>splits</c>, <c>sub</c>, <c>gsub</c>. Patterns
/// are RE2 (gojq uses Go's regexp); flags: <c>g</c> (all matches), <c>i</c> (ignore case), <c>n</c> (skip empty
/// matches), <c>s</c> (dot matches newline). Offsets and lengths count code points.
/// </summary>
internal static class JqRegexBuiltins
{
    private static readonly ConcurrentDictionary<string, (Regex Regex, IReadOnlyList<(int Number, string? Name)> Groups)> Cache = new(StringComparer.Ordinal);

    public static void Register(JqBuiltinTable t)
    {
        t.Generator("test", (v, a) => [Matches(v, a[0], null, forceGlobal: false).Any()], 1);
        t.Generator("test", (v, a) => [Matches(v, a[0], a[1], forceGlobal: false).Any()], 2);
        t.Generator("match", (v, a) => Matches(v, a[0], null, forceGlobal: false).Select(m => m.ToValue()), 1);
        t.Generator("match", (v, a) => Matches(v, a[0], a[1], forceGlobal: false).Select(m => m.ToValue()), 2);
        t.Generator("capture", (v, a) => Matches(v, a[0], null, forceGlobal: false).Select(m => (object?)m.Captures()), 1);
        t.Generator("capture", (v, a) => Matches(v, a[0], a[1], forceGlobal: false).Select(m => (object?)m.Captures()), 2);
        t.Generator("scan", (v, a) => Matches(v, a[0], null, forceGlobal: true).Select(m => m.ScanValue()), 1);
        t.Generator("scan", (v, a) => Matches(v, a[0], a[1], forceGlobal: true).Select(m => m.ScanValue()), 2);
        t.Generator("split", (v, a) => [Split(v, a[0], a[1])], 2);
        t.Generator("splits", (v, a) => Split(v, a[0], null), 1);
        t.Generator("splits", (v, a) => Split(v, a[0], a[1]), 2);
        t.Add("sub", 2, (input, args, env) => Substitute(input, args, env, global: false));
        t.Add("sub", 3, (input, args, env) => Substitute(input, args, env, global: false));
        t.Add("gsub", 2, (input, args, env) => Substitute(input, args, env, global: true));
        t.Add("gsub", 3, (input, args, env) => Substitute(input, args, env, global: true));
    }

    private static ImmutableList<object?> Split(object? v, object? re, object? flags)
    {
        var s = RequireString(v);
        var parts = ImmutableList.CreateBuilder<object?>();
        var at = 0;
        foreach (var m in Matches(v, re, flags, forceGlobal: true))
        {
            parts.Add(s[at..m.Match.Index]);
            at = m.Match.Index + m.Match.Length;
        }

        parts.Add(s[at..]);
        return parts.ToImmutable();
    }

    private static IEnumerable<object?> Substitute(object? input, JqNode[] args, JqEnv env, bool global)
    {
        var s = RequireString(input);
        IEnumerable<object?> flagValues = args.Length == 3 ? args[2].Eval(input, env) : [null];
        foreach (var flags in flagValues)
        {
            foreach (var re in args[0].Eval(input, env))
            {
                var matches = Matches(input, re, flags, forceGlobal: global).ToList();
                IEnumerable<string> results = [string.Empty];
                var at = 0;
                foreach (var m in matches)
                {
                    var gap = s[at..m.Match.Index];
                    var replacements = args[1].Eval(m.Captures(), env).Select(r => r is string rs
                        ? rs
                        : throw JqException.Runtime($"{JqJson.Describe(r)} cannot be added to a string")).ToList();
                    results = results.SelectMany(prefix => replacements.Select(r => prefix + gap + r)).ToList();
                    at = m.Match.Index + m.Match.Length;
                }

                var tail = s[at..];
                foreach (var r in results)
                {
                    yield return r + tail;
                }
            }
        }
    }

    private static string RequireString(object? v) =>
        v as string ?? throw JqException.Runtime($"{JqJson.Describe(v)} cannot be matched, as it is not a string");

    private static IEnumerable<JqMatch> Matches(object? input, object? re, object? flags, bool forceGlobal)
    {
        var s = RequireString(input);
        if (re is ImmutableList<object?> pair)
        {
            if (flags is not null)
            {
                throw JqException.Runtime($"{JqJson.Describe(re)} (modifiers given twice)");
            }

            re = pair.Count > 0 ? pair[0] : null;
            flags = pair.Count > 1 ? pair[1] : null;
        }

        if (re is not string pattern)
        {
            throw JqException.Runtime($"{JqJson.Describe(re)} cannot be matched, as it is not a string");
        }

        if (flags is not (null or string))
        {
            throw JqException.Runtime($"{JqJson.Describe(flags)} is not a string");
        }

        var global = forceGlobal;
        var skipEmpty = false;
        var prefix = string.Empty;
        foreach (var f in (string?)flags ?? string.Empty)
        {
            switch (f)
            {
                case 'g': global = true; break;
                case 'i': prefix += "(?i)"; break;
                case 's': prefix += "(?s)"; break;
                case 'n': skipEmpty = true; break;
                default: throw JqException.Runtime($"{flags} is not a valid modifier string");
            }
        }

        var (regex, groups) = Compile(prefix + pattern);
        var m = regex.Match(s);
        while (m.Success)
        {
            if (!(skipEmpty && m.Length == 0))
            {
                yield return new JqMatch(s, m, groups);
                if (!global)
                {
                    yield break;
                }
            }

            m = m.NextMatch();
        }
    }

    private static (Regex, IReadOnlyList<(int, string?)>) Compile(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        Regex regex;
        try
        {
            regex = Re2Regex.Compile(pattern);
        }
        catch (ArgumentException e)
        {
            throw JqException.Runtime($"{pattern} (at offset 0) is not a valid regex: {e.Message}");
        }

        var entry = (regex, CaptureGroupsInOrder(regex));
        if (Cache.Count > 512)
        {
            Cache.Clear();
        }

        Cache[pattern] = entry;
        return entry;
    }

    /// <summary>
    /// .NET numbers unnamed groups before named ones; jq lists captures in the order their groups open, so the
    /// translated pattern is scanned for group openings to recover that order.
    /// </summary>
    private static List<(int Number, string? Name)> CaptureGroupsInOrder(Regex regex)
    {
        var p = regex.ToString();
        var result = new List<(int, string?)>();
        var unnamed = 0;
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (i + 1 < p.Length && p[i + 1] == ']')
                {
                    i++;
                }

                continue;
            }

            if (c != '(')
            {
                continue;
            }

            if (i + 1 >= p.Length || p[i + 1] != '?')
            {
                result.Add((++unnamed, null));
                continue;
            }

            if (i + 2 < p.Length && p[i + 2] is '<' or '\'' && i + 3 < p.Length && p[i + 3] is not ('=' or '!'))
            {
                var close = p.IndexOfAny(['>', '\''], i + 3);
                var name = p[(i + 3)..close];
                result.Add((regex.GroupNumberFromName(name), name));
            }
        }

        return result;
    }
}
