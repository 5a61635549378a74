using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// The certificates of a trigger's <c>tls</c> settings, read from their secrets as PEM, and the client TLS options
/// they make: with <c>caCertSecret</c> only that CA is trusted (as Go's <c>RootCAs</c>), otherwise the system's;
/// <c>insecureSkipVerify</c> accepts any server certificate.
/// </summary>
internal sealed class TlsClientMaterial : IDisposable
{
    private readonly X509Certificate2Collection? _trustedCas;
    private readonly X509Certificate2? _clientCertificate;
    private readonly bool _insecureSkipVerify;

    private TlsClientMaterial(X509Certificate2Collection? trustedCas, X509Certificate2? clientCertificate, bool insecureSkipVerify)
    {
        _trustedCas = trustedCas;
        _clientCertificate = clientCertificate;
        _insecureSkipVerify = insecureSkipVerify;
    }

    /// <summary>Reads the material <paramref name="tls"/> names; <paramref name="fieldPath"/> is the <c>tls</c> field.</summary>
    public static TlsClientMaterial Load(TlsConfig tls, TriggerServices services, string fieldPath)
    {
        X509Certificate2Collection? cas = null;
        X509Certificate2? client = null;
        try
        {
            if (TriggerSecrets.Read(services, tls.CaCertSecret, fieldPath + ".caCertSecret") is { } caPem)
            {
                cas = [];
                cas.ImportFromPem(caPem);
                if (cas.Count == 0)
                {
                    throw new TriggerConfigurationException($"{fieldPath}.caCertSecret holds no PEM certificate.");
                }
            }

            var certPem = TriggerSecrets.Read(services, tls.ClientCertSecret, fieldPath + ".clientCertSecret");
            var keyPem = TriggerSecrets.Read(services, tls.ClientKeySecret, fieldPath + ".clientKeySecret");
            if ((certPem is null) != (keyPem is null))
            {
                throw new TriggerConfigurationException($"{fieldPath} needs both clientCertSecret and clientKeySecret, or neither.");
            }

            if (certPem is not null)
            {
                client = X509Certificate2.CreateFromPem(certPem, keyPem);
            }

            return new TlsClientMaterial(cas, client, tls.InsecureSkipVerify);
        }
        catch (CryptographicException e)
        {
            DisposeAll(cas);
            client?.Dispose();
            throw new TriggerConfigurationException($"{fieldPath}: the certificate or key is not valid PEM: {e.Message}", e);
        }
        catch
        {
            DisposeAll(cas);
            client?.Dispose();
            throw;
        }
    }

    /// <summary>The options for the client side of the TLS handshake.</summary>
    public SslClientAuthenticationOptions CreateOptions()
    {
        var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate };
        if (_clientCertificate is not null)
        {
            options.ClientCertificates = [_clientCertificate];
        }

        return options;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeAll(_trustedCas);
        _clientCertificate?.Dispose();
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
