using ArgoEvents.Bench;
using ArgoEvents.Bench.Bus;

var suites = new Dictionary<string, Func<BenchContext, Task<IReadOnlyList<BenchResult>>>>(StringComparer.OrdinalIgnoreCase)
{
    ["bus"] = context => new BusSuite(context).RunAsync(),
    ["eventsources"] = context => new ArgoEvents.Bench.EventSources.EventSourcesSuite(context).RunAsync(),
    ["sensors"] = context => new ArgoEvents.Bench.Sensors.SensorsSuite(context).RunAsync(),
    ["queues"] = context => new ArgoEvents.Bench.Queues.QueuesSuite(context).RunAsync(),
};

var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
if (suite is null || !suites.TryGetValue(suite, out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench -- <{string.Join('|', suites.Keys)}> [--json] [--quick]");
    return 2;
}

var context = new BenchContext(Quick: args.Contains("--quick"));
var results = await run(context);
var report = new BenchReport(suite.ToLowerInvariant(), MachineInfo.Describe(), DateTimeOffset.UtcNow, results);
Console.WriteLine(args.Contains("--json") ? report.ToJson() : report.ToTable());
return 0;
