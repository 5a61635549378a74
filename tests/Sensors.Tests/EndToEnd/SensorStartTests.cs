using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Services;
using Xunit;

namespace ArgoEvents.Sensors.Tests.EndToEnd;

/// <summary>The Sensor service as a process refuses a manifest it cannot run, naming every problem, and exits 1.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SensorStartTests(NatsClusterFixture bus)
{
    [Fact]
    public async Task UnsupportedTriggerAndBadFilter_AreReported_AndTheProcessExitsWithOne()
    {
        var directory = Directory.CreateTempSubdirectory("sensor-refused-").FullName;
        try
        {
            var manifest = Path.Combine(directory, "sensor.yaml");
            await File.WriteAllTextAsync(manifest, """
                apiVersion: argoproj.io/v1alpha1
                kind: Sensor
                metadata:
                  name: refused
                spec:
                  dependencies:
                    - name: d
                      eventSourceName: es
                      eventName: e
                      filters:
                        data:
                          - path: body.x
                            type: string
                            value: ["a"]
                            template: "{{ nosuch .Input }}"
                  triggers:
                    - template:
                        name: lambda
                        awsLambda:
                          functionName: f
                          region: us-east-1
                          payload:
                            - src: {dependencyName: d, dataKey: body}
                              dest: x
                """);
            await using var sensor = new ServiceProcess(ServiceProcessOptions.ForSensor(manifest, bus.ClientUrls, "refused-0"));
            var e = await Assert.ThrowsAsync<ServiceProcessException>(() => sensor.StartAsync());
            Assert.Equal(1, sensor.ExitCode);
            var output = string.Join("\n", sensor.Log.Snapshot());
            Assert.Contains("Sensor 'refused' cannot run", output, StringComparison.Ordinal);
            Assert.Contains("spec.triggers[0].template.awsLambda: the awsLambda trigger is not supported by this build", output, StringComparison.Ordinal);
            Assert.Contains("spec.dependencies[0].filters: data filter on path 'body.x'", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.Contains("exited with code 1", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
