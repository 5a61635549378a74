using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Optional body of <c>$JS.API.STREAM.INFO</c> asking for per-subject counts or deleted sequences.</summary>
internal sealed record StreamInfoRequest
{
    [JsonPropertyName("subjects_filter")]
    public string? SubjectsFilter { get; init; }

    [JsonPropertyName("deleted_details")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DeletedDetails { get; init; }

    [JsonPropertyName("offset")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Offset { get; init; }
}
