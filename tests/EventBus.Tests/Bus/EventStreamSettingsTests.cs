using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.JetStream.Models;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Bus;

public sealed class EventStreamSettingsTests
{
    [Fact]
    public void Defaults_are_argos_controller_defaults()
    {
        var config = new EventStreamSettings().ToStreamConfig();

        Assert.Equal("default", config.Name);
        Assert.Equal(["default.*.*"], config.Subjects);
        Assert.Equal(StorageType.File, config.Storage);
        Assert.Equal(RetentionPolicy.Limits, config.Retention);
        Assert.Equal(DiscardPolicy.Old, config.Discard);
        Assert.Equal(50_000, config.MaxMsgs);
        Assert.Equal(TimeSpan.FromHours(168), config.MaxAge);
        Assert.Equal(-1, config.MaxBytes);
        Assert.Equal(3, config.NumReplicas);
        Assert.Equal(TimeSpan.FromSeconds(300), config.DuplicateWindow);
    }

    [Theory]
    [InlineData(0, 50_000, -1, 168, 300, "streamConfig.replicas")]
    [InlineData(6, 50_000, -1, 168, 300, "streamConfig.replicas")]
    [InlineData(3, 0, -1, 168, 300, "streamConfig.maxMsgs")]
    [InlineData(3, 50_000, 0, 168, 300, "streamConfig.maxBytes")]
    [InlineData(3, 50_000, -1, -1, 300, "streamConfig.maxAge")]
    [InlineData(3, 50_000, -1, 0.05, 300, "streamConfig.duplicates")]
    public void Out_of_range_settings_are_refused_by_name(int replicas, long maxMsgs, long maxBytes, double maxAgeHours, int duplicatesSeconds, string expected)
    {
        var settings = new EventStreamSettings
        {
            Replicas = replicas,
            MaxMsgs = maxMsgs,
            MaxBytes = maxBytes,
            MaxAge = TimeSpan.FromHours(maxAgeHours),
            Duplicates = TimeSpan.FromSeconds(duplicatesSeconds),
        };

        var error = Assert.Throws<ArgumentException>(settings.ToStreamConfig);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
