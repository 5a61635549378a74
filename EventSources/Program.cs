using ArgoEvents.EventSources;

var app = EventSourceService.Build(args);
await app.RunAsync().ConfigureAwait(false);
