using System.Buffers;
using System.Text;
using ArgoEvents.EventSources.Runtime;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Runtime;

public sealed class GoJsonTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nfeed\ttab\rret", "\"line\\nfeed\\ttab\\rret\"")]
    [InlineData("<a href=\"x\">&amp;</a>", "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("\b\f", "\"\\b\\f\"")]
    [InlineData("héllo ✓", "\"héllo ✓\"")]
    [InlineData("sep\u2028para\u2029", "\"sep\\u2028para\\u2029\"")]
    public void Strings_are_escaped_as_go_escapes_them(string value, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        GoJson.WriteString(output, value);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Maps_are_written_with_keys_in_byte_order()
    {
        var output = new ArrayBufferWriter<byte>();

        GoJson.WriteStringListMap(output, [new("b", ["2", "3"]), new("B", ["1"]), new("a", [])]);

        Assert.Equal("{\"B\":[\"1\"],\"a\":[],\"b\":[\"2\",\"3\"]}", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("{ \"a\" : [ 1, 2 ],\n \"b\": \"x y\" }", "{\"a\":[1,2],\"b\":\"x y\"}")]
    [InlineData("\"<tag>\"", "\"\\u003ctag\\u003e\"")]
    [InlineData("{\"q\":\"say \\\"hi\\\" \\\\ \"}", "{\"q\":\"say \\\"hi\\\" \\\\ \"}")]
    [InlineData("  42  ", "42")]
    public void Raw_json_is_compacted_with_go_escapes(string raw, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        GoJson.WriteCompactedRaw(output, Encoding.UTF8.GetBytes(raw));

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("content-type", "Content-Type")]
    [InlineData("X-GITHUB-EVENT", "X-Github-Event")]
    [InlineData("x-b3-traceid", "X-B3-Traceid")]
    [InlineData("ce-specversion", "Ce-Specversion")]
    [InlineData("has space", "has space")]
    public void Header_names_are_canonical_as_in_go(string name, string expected)
    {
        Assert.Equal(expected, GoHeaderNames.Canonicalize(name));
    }

    [Fact]
    public void Derived_event_ids_are_stable_32_hex_and_scoped()
    {
        var id = EventIds.Derived("calendar", "tick", "2026-11-22T10:00:00Z");

        Assert.Equal(id, EventIds.Derived("calendar", "tick", "2026-11-22T10:00:00Z"));
        Assert.NotEqual(id, EventIds.Derived("calendar", "other", "2026-11-22T10:00:00Z"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Matches("^[0-9a-f]{32}$", EventIds.NewRandom());
    }
}
