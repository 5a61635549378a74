using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// The certificates of a trigger's <c>tls</c> settings, read from their secrets as PEM, and the client TLS options
/// they make: with <c>caCertSecret</c> only that CA is trusted (as Go's <c>RootCAs</c>), otherwise the system's;
/// <c>insecureSkipVerify</c> accepts any server certificate.
/// </summary>
internal sealed class TlsClientMaterial : IDisposable
{
    private readonly X509Certificate2Collection? _trustedCas;
    private readonly TlsClientCertificate? _clientCertificate;
    private readonly bool _insecureSkipVerify;

    private TlsClientMaterial(X509Certificate2Collection? trustedCas, TlsClientCertificate? clientCertificate, bool insecureSkipVerify)
    {
        _trustedCas = trustedCas;
        _clientCertificate = clientCertificate;
        _insecureSkipVerify = insecureSkipVerify;
    }

    /// <summary>Reads the CA and client certificate of <paramref name="tls"/>, which sits at <paramref name="ownerPath"/><c>.tls</c>.</summary>
    /// <exception cref="TriggerConfigurationException">A secret is missing or not PEM; the message names the field.</exception>
    public static TlsClientMaterial Load(TlsConfig tls, TriggerServices services, string ownerPath)
    {
        X509Certificate2Collection? cas = null;
        try
        {
            cas = TlsSecrets.ReadAuthorities(tls, services.Secrets, ownerPath);
            var client = TlsSecrets.ReadClientCertificate(tls, services.Secrets, ownerPath);
            return new TlsClientMaterial(cas, client, tls.InsecureSkipVerify);
        }
        catch (InvalidOperationException e)
        {
            DisposeAll(cas);
            throw new TriggerConfigurationException(e.Message, e);
        }
    }

    /// <summary>The options for the client side of the TLS handshake.</summary>
    public SslClientAuthenticationOptions CreateOptions()
    {
        var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate };
        if (_clientCertificate is not null)
        {
            // A context carries the intermediates; ClientCertificates would send the leaf alone.
            options.ClientCertificateContext = SslStreamCertificateContext.Create(_clientCertificate.Certificate, _clientCertificate.Chain, offline: true);
        }

        return options;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeAll(_trustedCas);
        if (_clientCertificate is not null)
        {
            _clientCertificate.Certificate.Dispose();
            DisposeAll(_clientCertificate.Chain);
        }
    }

    private static void DisposeAll(X509Certificate2Collection? certificates)
    {
        if (certificates is null)
        {
            return;
        }

        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_insecureSkipVerify)
        {
            return true;
        }

        if (_trustedCas is null)
        {
            return errors == SslPolicyErrors.None;
        }

        // The host name must still match; only the chain is judged against the configured CA instead of the system's.
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trustedCas);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
