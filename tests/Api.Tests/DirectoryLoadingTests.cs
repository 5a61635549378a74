using ArgoEvents.Api.V1Alpha1;
using Xunit;

namespace ArgoEvents.Api.Tests;

public sealed class DirectoryLoadingTests
{
    private const string Bus = "apiVersion: argoproj.io/v1alpha1\nkind: EventBus\nmetadata:\n  name: default\nspec:\n  jetstream:\n    version: latest\n";

    [Fact]
    public void Every_manifest_file_of_a_folder_loads_in_file_name_order()
    {
        using var dir = new TempDirectory();
        dir.Write("b-source.yml", "apiVersion: argoproj.io/v1alpha1\nkind: EventSource\nmetadata:\n  name: cal\nspec:\n  calendar:\n    t:\n      interval: 1m\n");
        dir.Write("a-bus.yaml", Bus);
        dir.Write("c-source.json", """{"apiVersion":"argoproj.io/v1alpha1","kind":"EventSource","metadata":{"name":"hook"},"spec":{}}""");
        dir.Write("notes.txt", "not a manifest");

        var objects = ManifestLoader.LoadDirectory(dir.Path);

        Assert.Collection(
            objects,
            o => Assert.IsType<EventBus>(o),
            o => Assert.Equal("cal", Assert.IsType<EventSource>(o).Metadata.Name),
            o => Assert.Equal("hook", Assert.IsType<EventSource>(o).Metadata.Name));
    }

    [Fact]
    public void Errors_of_all_files_are_collected_and_reported_together()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good.yaml", Bus);
        var typo = dir.Write("typo.yaml", Bus.Replace("version:", "versoin:", StringComparison.Ordinal));
        var broken = dir.Write("broken.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: [EventBus\n");
        var sensor = dir.Write("sensor.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Sensor\nmetadata:\n  name: s\nspec:\n  dependecies: []\n");

        var result = ManifestLoader.ReadDirectory(dir.Path);
        var exception = Assert.Throws<ManifestLoadException>(() => ManifestLoader.LoadDirectory(dir.Path));

        Assert.False(result.Succeeded);
        Assert.Equal("default", Assert.Single(result.Objects).Metadata.Name);
        Assert.Equal(good, result.Objects[0].Source!.Name);
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(broken, result.Errors[0].Location!.Source);
        Assert.Equal($"{sensor}:6:3: unknown field 'spec.dependecies'", result.Errors[1].ToString());
        Assert.Equal($"{typo}:7:5: unknown field 'spec.jetstream.versoin'", result.Errors[2].ToString());
        Assert.Equal(result.Errors, exception.Errors);
    }

    [Fact]
    public void A_missing_folder_is_reported_by_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<DirectoryNotFoundException>(() => ManifestLoader.LoadDirectory(missing));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
    }
}
