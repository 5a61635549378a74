using System.Diagnostics;
using System.Text;
using ArgoEvents.Sensors.Filters;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// <see cref="DependencyFilter.Evaluate(FilterEventContext?, ReadOnlyMemory{byte}, bool)"/> on one thread: a ~1 KB
/// webhook event, one string data filter and one number data filter combined with AND (both pass), after a warm-up.
/// The headline figure is the path the sensor takes for bus events, whose data the CloudEvent reader already read as
/// JSON (values located in the raw bytes); the <c>_untrusted</c> figures are bytes of unknown validity, parsed whole
/// to check them first. Reports evaluations per second and bytes allocated per evaluation.
/// </summary>
public static class DataFilterRun
{
    public static IReadOnlyList<BenchResult> Run(BenchContext context)
    {
        var spec = new DependencyFilterSpec
        {
            Data =
            [
                new DataFilterSpec("body.kind", "string", ["^order$"]),
                new DataFilterSpec("body.order.total", "number", ["100"], ">="),
            ],
        };
        using var filter = new DependencyFilter(spec);
        var data = Encoding.UTF8.GetBytes(Payload);
        var eventContext = new FilterEventContext("webhook", "orders", "bench-hook", "application/json", DateTimeOffset.UtcNow);
        var results = new List<BenchResult>();
        results.AddRange(Measure(context, filter, eventContext, data, wellFormed: true, suffix: string.Empty));
        results.AddRange(Measure(context, filter, eventContext, data, wellFormed: false, suffix: "_untrusted"));
        return results;
    }

    private static IReadOnlyList<BenchResult> Measure(BenchContext context, DependencyFilter filter, FilterEventContext eventContext, byte[] data, bool wellFormed, string suffix)
    {
        var result = filter.Evaluate(eventContext, data, wellFormed);
        if (!result.Passed || result.Error is not null)
        {
            throw new InvalidOperationException($"the benchmark event should pass its filters, got passed={result.Passed} error={result.Error}");
        }

        BenchContext.Progress($"data filter: evaluating body.kind =~ ^order$ AND body.order.total >= 100 on a {data.Length} B event, single thread");
        var rejected = 0;
        for (var i = 0; i < context.Scale(200_000); i++)
        {
            rejected += filter.Evaluate(eventContext, data, wellFormed).Passed ? 0 : 1;
        }

        var count = context.Scale(2_000_000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            rejected += filter.Evaluate(eventContext, data, wellFormed).Passed ? 0 : 1;
        }

        var elapsed = watch.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (rejected != 0)
        {
            throw new InvalidOperationException($"{rejected} evaluations rejected an event that passes");
        }

        var rate = count / elapsed.TotalSeconds;
        var perEval = allocated / (double)count;
        BenchContext.Progress($"data filter ({(wellFormed ? "data read as JSON by the CloudEvent reader" : "untrusted bytes, parsed whole")}): {rate:N0} evaluations/s, {perEval:F1} B allocated per evaluation ({count:N0} evaluations)");
        return [new("data_filter_evals_per_s" + suffix, rate, "evals/s"), new("data_filter_bytes_per_eval" + suffix, perEval, "bytes/eval")];
    }

    // What a webhook EventSource publishes for a typical JSON POST: the request headers and the parsed body (~1 KB).
    private const string Payload = """
        {"header":{"Accept":["*/*"],"Accept-Encoding":["gzip, deflate, br"],"Content-Length":["612"],"Content-Type":["application/json"],"User-Agent":["shop-backend/2.14.1 (+https://shop.example.com)"],"X-Forwarded-For":["10.42.7.19"],"X-Forwarded-Proto":["https"],"X-Request-Id":["7f3c9a52-1d4e-4b8f-9c61-2a0e5d8b7f14"],"X-Signature":["sha256=9b1f0c7e4a2d8e6f3b5a1c9d7e2f4a6b8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e7f"]},
        "body":{"kind":"order","id":"ord-2026-11-22-000417","created":"2026-11-22T18:31:47Z","customer":{"id":"cus-88213","email":"jane.doe@example.com","tier":"gold","country":"DE"},
        "order":{"currency":"EUR","total":249.9,"items":[{"sku":"SKU-1001","name":"Espresso machine","qty":1,"price":199.0},{"sku":"SKU-2044","name":"Milk jug","qty":2,"price":12.45},{"sku":"SKU-3310","name":"Descaler","qty":1,"price":26.0}],
        "shipping":{"method":"express","address":{"street":"Hauptstrasse 12","city":"Berlin","zip":"10115"}}},"tags":["web","promo-autumn","returning"],"retry":false}}
        """;
}
