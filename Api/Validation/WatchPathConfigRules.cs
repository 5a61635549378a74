using System.Text.RegularExpressions;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's watched-path rules: an absolute directory, and exactly one of a relative <c>path</c> or a valid
/// <c>pathRegexp</c>.
/// </summary>
internal static class WatchPathConfigRules
{
    public static void Check(WatchPathConfig? config, ValidationScope scope)
    {
        if (config is null)
        {
            scope.Fail("is required");
            return;
        }

        if (scope.Require("directory", config.Directory) && !config.Directory!.StartsWith('/'))
        {
            scope.Fail("directory", $"must be an absolute path, got '{config.Directory}'");
        }

        var hasPath = !string.IsNullOrEmpty(config.Path);
        var hasPattern = !string.IsNullOrEmpty(config.PathRegexp);
        if (hasPath == hasPattern)
        {
            scope.Fail(hasPath ? "must not have both path and pathRegexp" : "needs path or pathRegexp");
        }

        if (hasPath && config.Path!.StartsWith('/'))
        {
            scope.Fail("path", $"must be relative to the directory, got '{config.Path}'");
        }

        if (hasPattern && PatternProblem(config.PathRegexp!) is { } problem)
        {
            scope.Fail("pathRegexp", problem);
        }
    }

    private static string? PatternProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"is not a valid regular expression: {ex.Message}";
        }
    }
}
