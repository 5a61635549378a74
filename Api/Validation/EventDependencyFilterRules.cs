using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Api.Validation;

/// <summary>
/// Argo's filter rules: logical operators <c>and</c>/<c>or</c>; expression filters with an expression and named
/// paths; data filters with a path, a known type, non-empty values and a known comparator; a context filter that
/// compares something; a time window of two different <c>HH:MM:SS</c> times in a known zone.
/// </summary>
internal static class EventDependencyFilterRules
{
    private static readonly string[] DataTypes = ["string", "number", "bool"];
    private static readonly string[] Comparators = [">=", ">", "=", "!=", "<", "<="];

    public static void Check(EventDependencyFilter filter, ValidationScope scope)
    {
        LogicalOperators.Check(filter.DataLogicalOperator, scope.Field("dataLogicalOperator"));
        LogicalOperators.Check(filter.ExprLogicalOperator, scope.Field("exprLogicalOperator"));
        for (var i = 0; i < filter.Exprs.Count; i++)
        {
            CheckExpr(filter.Exprs[i], scope.Field("exprs").Index(i));
        }

        for (var i = 0; i < filter.Data.Count; i++)
        {
            CheckData(filter.Data[i], scope.Field("data").Index(i));
        }

        if (filter.Context is { } context &&
            string.IsNullOrEmpty(context.Type) && string.IsNullOrEmpty(context.Subject) &&
            string.IsNullOrEmpty(context.Source) && string.IsNullOrEmpty(context.DataContentType))
        {
            scope.Fail("context", "must set at least one of type, subject, source or datacontenttype (Argo compares only those)");
        }

        if (filter.Time is { } time)
        {
            CheckTime(time, scope.Field("time"));
        }
    }

    private static void CheckExpr(ExprFilter expr, ValidationScope scope)
    {
        scope.Require("expr", expr.Expr);
        if (!scope.RequireItems("fields", expr.Fields))
        {
            return;
        }

        for (var i = 0; i < expr.Fields.Count; i++)
        {
            var field = scope.Field("fields").Index(i);
            field.Require("path", expr.Fields[i].Path);
            field.Require("name", expr.Fields[i].Name);
        }
    }

    private static void CheckData(DataFilter data, ValidationScope scope)
    {
        scope.Require("path", data.Path);
        if (scope.Require("type", data.Type) && !DataTypes.Contains(data.Type))
        {
            scope.Fail("type", $"must be one of {string.Join(", ", DataTypes)}, got '{data.Type}'");
        }

        if (!string.IsNullOrEmpty(data.Comparator) && !Comparators.Contains(data.Comparator))
        {
            scope.Fail("comparator", $"must be one of {string.Join(" ", Comparators)}, got '{data.Comparator}'");
        }

        if (scope.RequireItems("value", data.Value))
        {
            for (var i = 0; i < data.Value.Count; i++)
            {
                if (string.IsNullOrEmpty(data.Value[i]))
                {
                    scope.Field("value").Index(i).Fail("must not be empty");
                }
            }
        }
    }

    private static void CheckTime(TimeFilter time, ValidationScope scope)
    {
        if (!string.IsNullOrEmpty(time.Timezone) && TimeZones.Problem(time.Timezone) is { } zoneProblem)
        {
            scope.Fail("timezone", zoneProblem);
        }

        var start = TimeOfDaySyntax.Check(time.Start, scope.Field("start"));
        var stop = TimeOfDaySyntax.Check(time.Stop, scope.Field("stop"));
        if (start is not null && start == stop)
        {
            scope.Fail($"is an empty window: stop '{time.Stop}' equals start '{time.Start}'");
        }
    }
}
