using ArgoEvents.Api;
using ArgoEvents.Sensors;
using ArgoEvents.Sensors.Runtime;

try
{
    var app = SensorService.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception e) when (e is ManifestException or SensorConfigurationException or InvalidOperationException)
{
    // A manifest or setting that cannot run is the operator's to fix: say what and where, without a stack trace.
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 1;
}
