using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Request/reply over one wildcard inbox subscription: each request gets a numeric token appended to the
/// inbox prefix, and the read loop routes a reply by that token straight to the waiting request.
/// </summary>
internal sealed class RequestMux : IDisposable
{
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly Timer _sweeper;
    private long _nextToken;

    public RequestMux(string inboxPrefix)
    {
        Prefix = $"{inboxPrefix}.{Nuid.Shared.Next()}.";
        PrefixUtf8 = Encoding.UTF8.GetBytes(Prefix);
        Subject = Prefix + "*";
        _sweeper = new Timer(static s => ((RequestMux)s!).ExpireOverdue(), this, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
    }

    public string Prefix { get; }

    public byte[] PrefixUtf8 { get; }

    public string Subject { get; }

    /// <summary>Sid of the inbox subscription; 0 until it is made.</summary>
    public long Sid { get; set; }

    public int PendingCount => _pending.Count;

    public PendingRequest Register(string subject, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var token = Interlocked.Increment(ref _nextToken);
        var request = new PendingRequest(this, token, subject, timeout);
        _pending[token] = request;
        if (cancellationToken.CanBeCanceled)
        {
            request.Registration = cancellationToken.UnsafeRegister(static (s, ct) => ((PendingRequest)s!).Cancel(ct), request);
        }

        return request;
    }

    public void Forget(PendingRequest request) => _pending.TryRemove(request.Token, out _);

    /// <summary>Routes a message that arrived on the inbox; returns false when its token is unknown (late or foreign).</summary>
    public bool TryComplete(ReadOnlySpan<byte> subject, NatsMsg msg)
    {
        if (!subject.StartsWith(PrefixUtf8) || !Utf8Parser.TryParse(subject[PrefixUtf8.Length..], out long token, out var consumed) || consumed != subject.Length - PrefixUtf8.Length)
        {
            return false;
        }

        if (!_pending.TryRemove(token, out var request))
        {
            return false;
        }

        if (msg.Status == 503 && msg.Data.IsEmpty)
        {
            request.Fail(new NatsNoRespondersException(request.Subject));
        }
        else
        {
            request.Complete(msg);
        }

        return true;
    }

    public void FailAll(Exception error)
    {
        foreach (var token in _pending.Keys)
        {
            if (_pending.TryRemove(token, out var request))
            {
                request.Fail(error);
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private void ExpireOverdue()
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        var now = Environment.TickCount64;
        foreach (var entry in _pending)
        {
            if (entry.Value.DeadlineTicks <= now && _pending.TryRemove(entry.Key, out var request))
            {
                request.Fail(new NatsTimeoutException(request.Subject, request.Timeout));
            }
        }
    }

    /// <summary>One request waiting for its reply.</summary>
    internal sealed class PendingRequest
    {
        private readonly RequestMux _owner;
        private readonly TaskCompletionSource<NatsMsg> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PendingRequest(RequestMux owner, long token, string subject, TimeSpan timeout)
        {
            _owner = owner;
            Token = token;
            Subject = subject;
            Timeout = timeout;
            DeadlineTicks = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        }

        public long Token { get; }

        public string Subject { get; }

        public TimeSpan Timeout { get; }

        public long DeadlineTicks { get; }

        public CancellationTokenRegistration Registration { get; set; }

        public Task<NatsMsg> Task => _completion.Task;

        public void Complete(NatsMsg msg)
        {
            Registration.Dispose();
            _completion.TrySetResult(msg);
        }

        public void Fail(Exception error)
        {
            Registration.Dispose();
            _completion.TrySetException(error);
        }

        public void Cancel(CancellationToken token)
        {
            _owner.Forget(this);
            _completion.TrySetCanceled(token);
        }
    }
}
