namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// A command written and waiting for its reply, in the order commands were written. <see cref="ExpectedReplies"/> is 1
/// except for (P)SUBSCRIBE/(P)UNSUBSCRIBE, which Redis confirms once per channel.
/// </summary>
internal readonly record struct PendingReply(
    TaskCompletionSource<RedisReply> Completion,
    RedisArgument Command,
    int ExpectedReplies);
