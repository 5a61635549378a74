using ArgoEvents.Api.Conditions;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's trigger rules: a template with a unique name and exactly one trigger type, conditions that parse and name
/// existing dependencies, cron resets that parse, valid parameters, policy, retry strategy and rate limit, and a
/// dead-letter trigger only with at-least-once delivery on both sides.
/// </summary>
internal static class TriggerRules
{
    public static void CheckAll(IReadOnlyList<Trigger> triggers, DependencyNames dependencies, ValidationScope scope)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < triggers.Count; i++)
        {
            var item = scope.Index(i);
            Check(triggers[i], dependencies, item);
            if (triggers[i].Template?.Name is { Length: > 0 } name && !names.Add(name))
            {
                item.Field("template").Fail("name", $"'{name}' is used by an earlier trigger (trigger names must be unique)");
            }
        }
    }

    private static void Check(Trigger trigger, DependencyNames dependencies, ValidationScope scope)
    {
        if (scope.Require("template", trigger.Template))
        {
            CheckTemplate(trigger.Template!, trigger.Parameters, dependencies, scope.Field("template"));
            if (trigger.Policy is not null)
            {
                CheckPolicy(trigger.Policy, trigger.Template!, scope.Field("policy"));
            }
        }

        TriggerParameterRules.CheckAll(trigger.Parameters, dependencies, scope.Field("parameters"), destRequired: true);
        if (trigger.RetryStrategy is not null)
        {
            BackoffRules.Check(trigger.RetryStrategy, scope.Field("retryStrategy"));
        }

        if (trigger.RateLimit is not null)
        {
            RateLimitRules.Check(trigger.RateLimit, scope.Field("rateLimit"));
        }

        if (trigger.DlqTrigger is { } dlq)
        {
            var dlqScope = scope.Field("dlqTrigger");
            if (!trigger.AtLeastOnce)
            {
                scope.Fail("atLeastOnce", "must be true to use dlqTrigger: the dead-letter trigger only runs when delivery is at-least-once");
            }

            if (!dlq.AtLeastOnce)
            {
                dlqScope.Fail("atLeastOnce", "must be true within the dlqTrigger");
            }

            Check(dlq, dependencies, dlqScope);
        }
    }

    private static void CheckTemplate(TriggerTemplate template, IReadOnlyList<TriggerParameter> templateParameters, DependencyNames dependencies, ValidationScope scope)
    {
        scope.Require("name", template.Name);
        if (!string.IsNullOrWhiteSpace(template.Conditions))
        {
            CheckConditions(template.Conditions, dependencies, scope.Field("conditions"));
        }

        for (var i = 0; i < template.ConditionsReset.Count; i++)
        {
            var reset = scope.Field("conditionsReset").Index(i);
            if (!reset.Require("byTime", template.ConditionsReset[i].ByTime))
            {
                continue;
            }

            var byTime = template.ConditionsReset[i].ByTime!;
            var byTimeScope = reset.Field("byTime");
            if (byTimeScope.Require("cron", byTime.Cron) && CronScheduleSyntax.Problem(byTime.Cron!) is { } cronProblem)
            {
                byTimeScope.Fail("cron", "is not a valid cron schedule: " + cronProblem);
            }

            if (!string.IsNullOrEmpty(byTime.Timezone) && TimeZones.Problem(byTime.Timezone) is { } zoneProblem)
            {
                byTimeScope.Fail("timezone", zoneProblem);
            }
        }

        var types = template.DefinedTypeKeys;
        if (types.Count == 0)
        {
            scope.Fail("defines no trigger type: add one of k8s, argoWorkflow, http, awsLambda, custom, kafka, nats, slack, openWhisk, log, azureEventHubs, azureServiceBus, pulsar or email");
        }
        else if (types.Count > 1)
        {
            scope.Fail($"defines {types.Count} trigger types ({string.Join(", ", types)}); a trigger template has exactly one");
        }

        var rewrittenPaths = templateParameters.Select(p => p.Dest).OfType<string>().Where(dest => dest.Length > 0).ToList();
        TriggerTypeRules.Check(template, dependencies, rewrittenPaths, scope);
    }

    private static void CheckConditions(string conditions, DependencyNames dependencies, ValidationScope scope)
    {
        if (!TriggerConditionParser.TryParse(conditions, out var condition, out var problem))
        {
            scope.Fail($"'{conditions}' does not parse: it {problem}");
            return;
        }

        foreach (var name in condition.Names.Distinct(StringComparer.Ordinal))
        {
            if (!dependencies.Contains(name))
            {
                scope.Fail($"names '{name}', which is not a dependency of this Sensor");
            }
        }
    }

    private static void CheckPolicy(TriggerPolicy policy, TriggerTemplate template, ValidationScope scope)
    {
        if ((template.K8s is not null || template.ArgoWorkflow is not null) && policy.K8s is { Labels.Count: 0 })
        {
            scope.Field("k8s").Fail("labels", "must list the labels that mark the resource as successful");
        }

        if ((template.Http is not null || template.AwsLambda is not null) && policy.Status is { Allow.Count: 0 })
        {
            scope.Field("status").Fail("allow", "must list the response statuses that count as success");
        }

        if (policy.Status is { } status)
        {
            for (var i = 0; i < status.Allow.Count; i++)
            {
                if (status.Allow[i] is < 100 or > 599)
                {
                    scope.Field("status").Field("allow").Index(i).Fail($"must be an HTTP status code (100-599), got {status.Allow[i]}");
                }
            }
        }

        if (policy.K8s?.Backoff is { } backoff)
        {
            BackoffRules.Check(backoff, scope.Field("k8s").Field("backoff"));
        }
    }
}
