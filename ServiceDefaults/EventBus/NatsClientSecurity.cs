using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.ServiceDefaults.EventBus;

/// <summary>
/// Applies a spec's NATS <c>tls</c> and <c>auth</c> to client options, as the nats EventSource and the nats trigger
/// declare them: TLS with the system's trust store or <c>insecureSkipVerify</c>; basic or token authentication from
/// secrets. A pinned CA, client certificates, NKeys and credentials files are refused with a message naming the field.
/// </summary>
public static class NatsClientSecurity
{
    /// <summary>The options with TLS and authentication applied.</summary>
    /// <exception cref="InvalidOperationException">The spec asks for something unsupported, or a secret is missing.</exception>
    public static NatsOptions Apply(NatsOptions options, TlsConfig? tls, NatsAuth? auth, SecretResolver secrets, string field)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        return Authenticate(Secure(options, tls, field), auth, secrets, field);
    }

    private static NatsOptions Secure(NatsOptions options, TlsConfig? tls, string field)
    {
        if (tls is null)
        {
            return options;
        }

        if (tls.CaCertSecret is not null)
        {
            throw new InvalidOperationException($"{field}.tls.caCertSecret: trusting a CA from a secret is not supported by this build; use a server certificate the system trusts (tls.enabled: true) or tls.insecureSkipVerify: true.");
        }

        if (tls.ClientCertSecret is not null || tls.ClientKeySecret is not null)
        {
            throw new InvalidOperationException($"{field}.tls.clientCertSecret: client certificates are not supported by this build; authenticate with auth.basic or auth.token.");
        }

        return options with { TlsRequired = true, TlsInsecureSkipVerify = tls.InsecureSkipVerify };
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
