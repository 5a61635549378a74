namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// The secrets the corpus sensors name (Slack token, SMTP password, an HTTP secure header), as files laid out the way
/// the sensor reads mounted secrets: <c>{directory}/{name}/{key}</c>.
/// </summary>
internal static class CorpusSecrets
{
    public const string SecureHeaderValue = "corpus-service-token";

    private static readonly Lazy<string> Root = new(Create);

    public static string Directory => Root.Value;

    private static string Create()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("corpus-secrets-").FullName;
        Write(root, "slack-secret", "token", "xoxb-corpus-token");
        Write(root, "smtp-secret", "password", "corpus-password");
        Write(root, "dev-services-secret", "serviceToken", SecureHeaderValue);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return root;
    }

    private static void Write(string root, string name, string key, string value)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(root, name));
        File.WriteAllText(Path.Combine(root, name, key), value);
    }
}
