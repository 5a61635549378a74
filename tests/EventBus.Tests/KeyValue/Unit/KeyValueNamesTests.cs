using ArgoEvents.EventBus.KeyValue;
using Xunit;

namespace ArgoEvents.EventBus.Tests.KeyValue.Unit;

public sealed class KeyValueNamesTests
{
    [Theory]
    [InlineData("sensor-state_1")]
    [InlineData("A")]
    public void Valid_bucket_names_pass(string bucket) => KeyValueNames.EnsureValidBucket(bucket);

    [Theory]
    [InlineData("a.b", "'.' at position 1")]
    [InlineData("a b", "' ' at position 1")]
    [InlineData("ä", "'ä' at position 0")]
    [InlineData("", "must not be empty")]
    public void Invalid_bucket_names_are_refused_saying_what_and_where(string bucket, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => KeyValueNames.EnsureValidBucket(bucket));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("a.b.c")]
    [InlineData("path/to=value_1-2")]
    public void Valid_keys_pass(string key) => KeyValueNames.EnsureValidKey(key);

    [Theory]
    [InlineData(".a", "empty token")]
    [InlineData("a.", "empty token")]
    [InlineData("a..b", "empty token")]
    [InlineData("a*", "'*' at position 1")]
    [InlineData("a.>", "'>' at position 2")]
    [InlineData("a:b", "':' at position 1")]
    [InlineData("", "must not be empty")]
    public void Invalid_keys_are_refused_saying_what_and_where(string key, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => KeyValueNames.EnsureValidKey(key));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("a.*")]
    [InlineData("*.b.>")]
    [InlineData("exact.key")]
    public void Key_filters_allow_whole_token_wildcards(string filter) => KeyValueNames.EnsureValidKeyFilter(filter);

    [Theory]
    [InlineData("a>", "'>' at position 1")]
    [InlineData(">.a", "'>' at position 0")]
    [InlineData("a*.b", "'*' at position 1")]
    public void Key_filters_refuse_partial_or_misplaced_wildcards(string filter, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => KeyValueNames.EnsureValidKeyFilter(filter));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
