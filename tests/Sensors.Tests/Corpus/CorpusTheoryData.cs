using Xunit;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>Theory rows over the corpus: one per Sensor document, or one skipping row when the corpus is missing.</summary>
internal static class CorpusTheoryData
{
    public const string Missing = "<corpus missing>";

    public static TheoryData<string, int> All() => Rows(CorpusDocuments.All());

    /// <summary>The documents this build is expected to run (not listed in <see cref="CorpusRefusals"/>).</summary>
    public static TheoryData<string, int> Runnable() =>
        Rows([.. CorpusDocuments.All().Where(d => !CorpusRefusals.Expected.ContainsKey(d.File))]);

    private static TheoryData<string, int> Rows(IReadOnlyList<(string File, int Document)> documents)
    {
        var data = new TheoryData<string, int>();
        if (CorpusDocuments.Root is null)
        {
            data.Add(Missing, 0);
            return data;
        }

        foreach (var (file, document) in documents)
        {
            data.Add(file, document);
        }

        return data;
    }
}
