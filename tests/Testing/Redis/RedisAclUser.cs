namespace ArgoEvents.Testing.Redis;

/// <summary>An ACL user the test server defines (<c>user NAME on &gt;PASSWORD ~* &amp;* +@all</c>): all keys, channels and commands.</summary>
/// <param name="Name">User name; letters, digits, '-' and '_' only.</param>
/// <param name="Password">Password; no whitespace.</param>
public sealed record RedisAclUser(string Name, string Password);
