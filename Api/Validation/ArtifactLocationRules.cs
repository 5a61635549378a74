using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Rules of a trigger's <c>source</c>: exactly one location, with the fields that location needs to be found.</summary>
internal static class ArtifactLocationRules
{
    public static void Check(ArtifactLocation source, ValidationScope scope)
    {
        var locations = source.DefinedLocations;
        if (locations.Count != 1)
        {
            scope.Fail(locations.Count == 0
                ? "must set one of s3, inline, file, url, configmap, git or resource"
                : $"sets {string.Join(", ", locations)}; set exactly one location");
        }

        if (source.S3 is { } s3)
        {
            var s3Scope = scope.Field("s3");
            s3Scope.Require("endpoint", s3.Endpoint);
            if (s3Scope.Require("bucket", s3.Bucket))
            {
                s3Scope.Field("bucket").Require("name", s3.Bucket!.Name);
                s3Scope.Field("bucket").Require("key", s3.Bucket.Key);
            }
        }

        if (source.File is { } file)
        {
            scope.Field("file").Require("path", file.Path);
        }

        if (source.Url is { } url)
        {
            scope.Field("url").Require("path", url.Path);
        }

        if (source.ConfigMap is { } configMap)
        {
            scope.Field("configmap").Require("name", configMap.Name);
            scope.Field("configmap").Require("key", configMap.Key);
        }

        if (source.Git is { } git)
        {
            var gitScope = scope.Field("git");
            gitScope.Require("url", git.Url);
            gitScope.Require("cloneDirectory", git.CloneDirectory);
            gitScope.Require("filePath", git.FilePath);
            if (!string.IsNullOrEmpty(git.Branch) && !string.IsNullOrEmpty(git.Tag))
            {
                gitScope.Fail("sets both branch and tag; choose one");
            }
        }

        if (source.Inline is { Length: 0 })
        {
            scope.Fail("inline", "must hold the resource manifest");
        }
    }
}
