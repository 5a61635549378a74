using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's minio rules: access and secret keys, an endpoint, a bucket name when a bucket is given, and no empty event name.</summary>
internal static class S3ArtifactRules
{
    public static void Check(S3Artifact source, ValidationScope scope)
    {
        scope.Require("accessKey", source.AccessKey);
        scope.Require("secretKey", source.SecretKey);
        scope.Require("endpoint", source.Endpoint);
        if (source.Bucket is not null)
        {
            scope.Field("bucket").Require("name", source.Bucket.Name);
        }

        for (var i = 0; i < source.Events.Count; i++)
        {
            if (string.IsNullOrEmpty(source.Events[i]))
            {
                scope.Field("events").Index(i).Fail("must name an S3 event such as s3:ObjectCreated:Put");
            }
        }
    }
}
