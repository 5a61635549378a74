using System.Text.Json.Serialization;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>
/// Source-generated serializers for every JetStream API body. Durations travel as integer nanoseconds;
/// absent optional members are left out so that older servers never see fields they do not know.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(NanosecondDurationConverter)])]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(AccountInfo))]
[JsonSerializable(typeof(StreamConfig))]
[JsonSerializable(typeof(StreamInfo))]
[JsonSerializable(typeof(StreamInfoRequest))]
[JsonSerializable(typeof(StreamPurgeRequest))]
[JsonSerializable(typeof(StreamPurgeResponse))]
[JsonSerializable(typeof(SuccessResponse))]
[JsonSerializable(typeof(PagedRequest))]
[JsonSerializable(typeof(StreamNamesResponse))]
[JsonSerializable(typeof(StreamListResponse))]
[JsonSerializable(typeof(ConsumerNamesResponse))]
[JsonSerializable(typeof(ConsumerListResponse))]
[JsonSerializable(typeof(MsgGetRequest))]
[JsonSerializable(typeof(MsgGetResponse))]
[JsonSerializable(typeof(MsgDeleteRequest))]
[JsonSerializable(typeof(ConsumerConfig))]
[JsonSerializable(typeof(ConsumerCreateRequest))]
[JsonSerializable(typeof(ConsumerInfo))]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(PubAckResponse))]
internal sealed partial class JetStreamJsonContext : JsonSerializerContext
{
}
