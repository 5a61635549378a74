namespace ArgoEvents.Api.Conditions;

/// <summary>
/// A parsed trigger <c>conditions</c> expression: dependency names combined with <c>&amp;&amp;</c> and <c>||</c>.
/// Names are kept as written; a sensor maps them to its dependencies (<c>-</c> and <c>_</c> are interchangeable there).
/// </summary>
public abstract class TriggerCondition
{
    private protected TriggerCondition()
    {
    }

    /// <summary>Every name the expression uses, in order of appearance, repeats included.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>();
            CollectNames(names);
            return names;
        }
    }

    /// <summary>Whether <c>&amp;&amp;</c> occurs: only then does a trigger need to remember earlier events (Argo's rule).</summary>
    public abstract bool RequiresAll { get; }

    /// <summary>Evaluates the expression given which names are satisfied.</summary>
    public abstract bool Evaluate(Func<string, bool> isSatisfied);

    /// <summary>Adds the names the expression uses to <paramref name="names"/>.</summary>
    private protected abstract void CollectNames(List<string> names);

    /// <summary>A single dependency name.</summary>
    public sealed class Name(string value) : TriggerCondition
    {
        /// <summary>The name as written.</summary>
        public string Value { get; } = value;

        /// <inheritdoc />
        public override bool RequiresAll => false;

        /// <inheritdoc />
        public override bool Evaluate(Func<string, bool> isSatisfied)
        {
            ArgumentNullException.ThrowIfNull(isSatisfied);
            return isSatisfied(Value);
        }

        /// <inheritdoc />
        public override string ToString() => Value;

        private protected override void CollectNames(List<string> names) => names.Add(Value);
    }

    /// <summary>Both sides must hold.</summary>
    public sealed class And(TriggerCondition left, TriggerCondition right) : TriggerCondition
    {
        /// <summary>The left operand.</summary>
        public TriggerCondition Left { get; } = left;

        /// <summary>The right operand.</summary>
        public TriggerCondition Right { get; } = right;

        /// <inheritdoc />
        public override bool RequiresAll => true;

        /// <inheritdoc />
        public override bool Evaluate(Func<string, bool> isSatisfied) => Left.Evaluate(isSatisfied) && Right.Evaluate(isSatisfied);

        /// <inheritdoc />
        public override string ToString() => $"({Left} && {Right})";

        private protected override void CollectNames(List<string> names)
        {
            Left.CollectNames(names);
            Right.CollectNames(names);
        }
    }

    /// <summary>Either side must hold.</summary>
    public sealed class Or(TriggerCondition left, TriggerCondition right) : TriggerCondition
    {
        /// <summary>The left operand.</summary>
        public TriggerCondition Left { get; } = left;

        /// <summary>The right operand.</summary>
        public TriggerCondition Right { get; } = right;

        /// <inheritdoc />
        public override bool RequiresAll => Left.RequiresAll || Right.RequiresAll;

        /// <inheritdoc />
        public override bool Evaluate(Func<string, bool> isSatisfied) => Left.Evaluate(isSatisfied) || Right.Evaluate(isSatisfied);

        /// <inheritdoc />
        public override string ToString() => $"({Left} || {Right})";

        private protected override void CollectNames(List<string> names)
        {
            Left.CollectNames(names);
            Right.CollectNames(names);
        }
    }
}
