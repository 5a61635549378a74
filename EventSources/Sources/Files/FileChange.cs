namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// One change seen in the watched directory: the name the watcher reports it under and the operation's text, which
/// is what <c>eventType</c> is compared with.
/// </summary>
/// <param name="Name">The path (inotify: full path; polling: the file's base name, as Argo's poller reports it).</param>
/// <param name="Operation">The operation's text, e.g. <c>CREATE</c>.</param>
public sealed record FileChange(string Name, string Operation);
