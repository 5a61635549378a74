namespace ArgoEvents.Testing.RabbitMq;

/// <summary>How a <see cref="RabbitMqServerProcess"/> is started.</summary>
public sealed record RabbitMqServerOptions
{
    /// <summary>AMQP port; a free one when null.</summary>
    public int? Port { get; init; }

    /// <summary>How long a boot may take; the broker needs several seconds on a busy machine.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Lines appended to the generated rabbitmq.conf (new-style key = value).</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];
}
