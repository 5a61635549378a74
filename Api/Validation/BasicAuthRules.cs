using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>Argo's basic auth rule: both the username and the password.</summary>
internal static class BasicAuthRules
{
    public static void Check(BasicAuth? auth, ValidationScope scope)
    {
        if (auth is null)
        {
            return;
        }

        scope.Require("username", auth.Username);
        scope.Require("password", auth.Password);
    }
}
