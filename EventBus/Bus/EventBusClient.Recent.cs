using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.Bus;

public sealed partial class EventBusClient
{
    /// <summary>
    /// Reads the newest <paramref name="count"/> events of <paramref name="eventName"/> from
    /// <paramref name="eventSourceName"/> still in the <c>default</c> stream, oldest first; empty when the subject has
    /// none (or the stream does not exist). The subject's last sequence comes from the stream leader ("last message by
    /// subject"); an ordered consumer filtered to the subject then reads backwards-growing windows of sequences before
    /// it (each four times the last) until <paramref name="count"/> events are found or the stream's first sequence is
    /// reached, so a subject interleaved with busy others costs a few windows, not a scan of the whole stream. Messages
    /// on the subject that are not valid CloudEvents are skipped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A name would not form a single subject token.</exception>
    public async Task<IReadOnlyList<CloudEvent>> ReadLatestAsync(string eventSourceName, string eventName, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var subject = ArgoWireNames.Subject(eventSourceName, eventName);
        StreamMessage? last;
        StreamInfo info;
        try
        {
            last = await JetStream.GetLastMessageAsync(ArgoWireNames.StreamName, subject, cancellationToken).ConfigureAwait(false);
            if (last is null)
            {
                return [];
            }

            info = await JetStream.GetStreamInfoAsync(ArgoWireNames.StreamName, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
            return [];
        }

        var first = Math.Max(1, info.State.FirstSequence);
        var found = new List<CloudEvent>();
        var end = last.Sequence;
        var window = (ulong)count;
        while (true)
        {
            var start = end >= first + window - 1 ? end - window + 1 : first;
            var older = await ReadRangeAsync(subject, start, end, cancellationToken).ConfigureAwait(false);
            older.AddRange(found);
            found = older;
            if (found.Count >= count || start <= first)
            {
                break;
            }

            end = start - 1;
            window = checked(window * 4);
        }

        return found.Count > count ? found.GetRange(found.Count - count, count) : found;
    }

    /// <summary>The valid events on <paramref name="subject"/> with sequences from <paramref name="start"/> to <paramref name="end"/>, in order.</summary>
    private async Task<List<CloudEvent>> ReadRangeAsync(string subject, ulong start, ulong end, CancellationToken cancellationToken)
    {
        var events = new List<CloudEvent>();
        var options = new OrderedConsumerOptions
        {
            FilterSubject = subject,
            DeliverPolicy = DeliverPolicy.ByStartSequence,
            OptStartSequence = start,
        };
        var consumer = await JetStream.CreateOrderedConsumerAsync(ArgoWireNames.StreamName, options, cancellationToken).ConfigureAwait(false);
        await using (consumer.ConfigureAwait(false))
        {
            if (consumer.InitialPending == 0)
            {
                return events;
            }

            while (await consumer.NextAsync(cancellationToken).ConfigureAwait(false) is { } message)
            {
                var metadata = message.Metadata;
                if (metadata.StreamSequence > end)
                {
                    break;
                }

                try
                {
                    events.Add(ReadEvent(message));
                }
                catch (CloudEventValidationException)
                {
                    // Not an event this bus's publishers wrote; it cannot be one of the newest events either.
                }

                if (metadata.StreamSequence == end || metadata.NumPending == 0)
                {
                    break;
                }
            }
        }

        return events;
    }
}
