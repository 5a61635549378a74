using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// The HTTP handler every client of the Kubernetes API here uses: pooled connections recycled every five minutes, and,
/// when <see cref="KubernetesApiOptions.CertificateAuthorityFile"/> is set, the server certificate trusted when it
/// chains to that cluster CA (the service account's <c>ca.crt</c>) and its name matched.
/// </summary>
public static class KubernetesHttpHandler
{
    /// <summary>Creates the handler for <paramref name="options"/>.</summary>
    public static SocketsHttpHandler Create(KubernetesApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.CertificateAuthorityFile is { } caFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(roots, certificate, errors);
        }

        return handler;
    }

    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (certificate is X509Certificate2 full)
        {
            return chain.Build(full);
        }

        using var loaded = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(loaded);
    }
}
