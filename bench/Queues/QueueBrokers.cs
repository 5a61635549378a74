using ArgoEvents.Testing.Mqtt;
using ArgoEvents.Testing.RabbitMq;
using ArgoEvents.Testing.Redis;

namespace ArgoEvents.Bench.Queues;

/// <summary>The brokers the suite started, shared by its passes: mosquitto twice, with the default and a raised in-flight limit.</summary>
public sealed record QueueBrokers(RedisServerProcess Redis, RabbitMqServerProcess RabbitMq, MosquittoProcess Mosquitto, MosquittoProcess MosquittoRaised);
