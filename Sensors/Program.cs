using ArgoEvents.Sensors;

var app = SensorService.Build(args);
await app.RunAsync().ConfigureAwait(false);
