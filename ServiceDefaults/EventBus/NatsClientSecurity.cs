using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.ServiceDefaults.EventBus;

/// <summary>
/// Applies a spec's NATS <c>tls</c> and <c>auth</c> to client options, as the nats EventSource and the nats trigger
/// declare them: TLS verified against the system's trust store, or against the PEM authorities of <c>caCertSecret</c>
/// alone, or not at all with <c>insecureSkipVerify</c>; a client certificate from <c>clientCertSecret</c> with
/// <c>clientKeySecret</c>; basic or token authentication from secrets. NKeys and credentials files are refused with a
/// message naming the field.
/// </summary>
public static class NatsClientSecurity
{
    /// <summary>The options with TLS and authentication applied.</summary>
    /// <exception cref="InvalidOperationException">The spec asks for something unsupported, or a secret is missing.</exception>
    public static NatsOptions Apply(NatsOptions options, TlsConfig? tls, NatsAuth? auth, SecretResolver secrets, string field)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        return Authenticate(Secure(options, tls, secrets, field), auth, secrets, field);
    }

    private static NatsOptions Secure(NatsOptions options, TlsConfig? tls, SecretResolver secrets, string field)
    {
        if (tls is null)
        {
            return options;
        }

        // Skipping verification makes a pinned CA meaningless, so its secret is not even required then.
        var authorities = tls.InsecureSkipVerify ? null : TlsSecrets.ReadAuthorities(tls, secrets, field);
        var client = TlsSecrets.ReadClientCertificate(tls, secrets, field);
        return options with
        {
            TlsRequired = true,
            TlsInsecureSkipVerify = tls.InsecureSkipVerify,
            TlsCaCertificates = authorities,
            TlsClientCertificate = client?.Certificate,
            TlsClientCertificateChain = client is { Chain.Count: > 0 } ? client.Chain : null,
        };
    }

    private static NatsOptions Authenticate(NatsOptions options, NatsAuth? auth, SecretResolver secrets, string field)
    {
        if (auth is null)
        {
            return options;
        }

        if (auth.Basic is { } basic)
        {
            return options with
            {
                User = secrets.Resolve(basic.Username, $"{field}.auth.basic.username") ?? throw new InvalidOperationException($"{field}.auth.basic.username is required."),
                Password = secrets.Resolve(basic.Password, $"{field}.auth.basic.password") ?? throw new InvalidOperationException($"{field}.auth.basic.password is required."),
            };
        }

        if (auth.Token is not null)
        {
            return options with { Token = secrets.Resolve(auth.Token, $"{field}.auth.token") ?? throw new InvalidOperationException($"{field}.auth.token: the optional secret is absent.") };
        }

        if (auth.NKey is not null)
        {
            throw new InvalidOperationException($"{field}.auth.nkey: NKey authentication is not supported by this build; use auth.basic or auth.token.");
        }

        if (auth.Credential is not null)
        {
            throw new InvalidOperationException($"{field}.auth.credential: credentials files (JWT) are not supported by this build; use auth.basic or auth.token.");
        }

        return options;
    }
}
