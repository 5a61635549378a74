using System.Security.Cryptography.X509Certificates;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.EventSources.Sources.Redis;

/// <summary>
/// The connection settings shared by <c>redis</c> and <c>redisStream</c>: <c>hostAddress</c>, <c>password</c> (a
/// secret), <c>username</c>, <c>db</c> and <c>tls</c> (system trust store, <c>caCertSecret</c>, client certificate, or
/// <c>insecureSkipVerify</c>), turned into <see cref="RedisOptions"/>.
/// </summary>
internal static class RedisClientSettings
{
    /// <summary>The client options; throws <see cref="InvalidOperationException"/> naming the field that is wrong.</summary>
    public static RedisOptions Create(
        string? hostAddress,
        SecretKeySelector? password,
        string? username,
        int? db,
        TlsConfig? tls,
        SecretResolver secrets,
        string field,
        string clientName)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(hostAddress))
        {
            throw new InvalidOperationException($"{field}.hostAddress is required.");
        }

        RedisOptions options;
        try
        {
            options = RedisOptions.Parse(hostAddress);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{field}.hostAddress: {e.Message}", e);
        }

        if (db is < 0)
        {
            throw new InvalidOperationException($"{field}.db: {db} is negative.");
        }

        var secret = secrets.Resolve(password, $"{field}.password");
        options = options with
        {
            Password = secret ?? options.Password,
            UserName = string.IsNullOrEmpty(username) ? options.UserName : username,
            Database = db ?? options.Database,
            ClientName = clientName,
        };
        if (options.UserName is not null && options.Password is null)
        {
            throw new InvalidOperationException($"{field}.username '{options.UserName}' is set without a password; Redis AUTH needs both.");
        }

        if (tls is not null)
        {
            options = WithTls(options, tls, secrets, field);
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{field}: {e.Message}", e);
        }

        return options;
    }

    /// <summary>A CLIENT SETNAME value made of the EventSource and event names (spaces are not allowed there).</summary>
    public static string ClientName(string eventSourceName, string eventName)
        => new($"argo-events-{eventSourceName}-{eventName}".Select(c => c is > ' ' and <= '~' ? c : '_').ToArray());

    private static RedisOptions WithTls(RedisOptions options, TlsConfig tls, SecretResolver secrets, string field)
    {
        options = options with { UseTls = true, TlsInsecureSkipVerify = tls.InsecureSkipVerify };
        if (!tls.InsecureSkipVerify && TlsSecrets.ReadAuthorities(tls, secrets, field) is { } authorities)
        {
            options = options with { TlsCaCertificates = authorities };
        }

        return TlsSecrets.ReadClientCertificate(tls, secrets, field) is { } client
            ? options with { TlsClientCertificate = client.Certificate, TlsClientCertificateChain = client.Chain.Count > 0 ? client.Chain : null }
            : options;
    }
}
