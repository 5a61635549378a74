using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.Nats;

/// <summary>Body of the CONNECT command.</summary>
internal sealed class ConnectCommand
{
    [JsonPropertyName("verbose")] public bool Verbose { get; init; }

    [JsonPropertyName("pedantic")] public bool Pedantic { get; init; }

    [JsonPropertyName("tls_required")] public bool TlsRequired { get; init; }

    [JsonPropertyName("auth_token")] public string? AuthToken { get; init; }

    [JsonPropertyName("user")] public string? User { get; init; }

    [JsonPropertyName("pass")] public string? Pass { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("lang")] public string Lang { get; init; } = ".NET";

    [JsonPropertyName("version")] public string Version { get; init; } = "1.0.0";

    [JsonPropertyName("protocol")] public int Protocol { get; init; } = 1;

    [JsonPropertyName("echo")] public bool Echo { get; init; } = true;

    [JsonPropertyName("headers")] public bool Headers { get; init; } = true;

    [JsonPropertyName("no_responders")] public bool NoResponders { get; init; } = true;
}
