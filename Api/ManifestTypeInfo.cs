using System.Collections.Concurrent;
using System.Reflection;

namespace ArgoEvents.Api;

/// <summary>
/// What the binder and the JSON writer need to know about one model type, found once by reflection:
/// whether it is a scalar, a list, a map or an object, and for objects the fields in declaration order.
/// </summary>
internal sealed class ManifestTypeInfo
{
    private static readonly ConcurrentDictionary<Type, ManifestTypeInfo> Cache = new();

    private ManifestTypeInfo(Type clrType, ManifestTypeKind kind)
    {
        ClrType = clrType;
        Kind = kind;
    }

    public Type ClrType { get; }

    public ManifestTypeKind Kind { get; }

    /// <summary>The element type of a list or the value type of a map.</summary>
    public Type? ElementType { get; private init; }

    public ScalarConverter? Converter { get; private init; }

    public IReadOnlyList<ManifestFieldInfo> Fields { get; private init; } = [];

    public IReadOnlyList<PropertyInfo> InlineProperties { get; private init; } = [];

    public IReadOnlyDictionary<string, ManifestFieldInfo> FieldsByName { get; private init; } =
        new Dictionary<string, ManifestFieldInfo>();

    public static ManifestTypeInfo Of(Type type) => Cache.GetOrAdd(type, Build);

    private static ManifestTypeInfo Build(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (ScalarConverters.TryGet(plain, out var converter))
        {
            return new ManifestTypeInfo(plain, ManifestTypeKind.CustomScalar) { Converter = converter };
        }

        if (typeof(ManifestNode).IsAssignableFrom(plain))
        {
            return new ManifestTypeInfo(plain, ManifestTypeKind.Node);
        }

        var primitive = plain switch
        {
            _ when plain == typeof(string) => ManifestTypeKind.String,
            _ when plain == typeof(bool) => ManifestTypeKind.Boolean,
            _ when plain == typeof(int) => ManifestTypeKind.Int32,
            _ when plain == typeof(long) => ManifestTypeKind.Int64,
            _ when plain == typeof(double) => ManifestTypeKind.Double,
            _ => ManifestTypeKind.Object,
        };
        if (primitive != ManifestTypeKind.Object)
        {
            return new ManifestTypeInfo(plain, primitive);
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return new ManifestTypeInfo(plain, ManifestTypeKind.List) { ElementType = plain.GetGenericArguments()[0] };
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var arguments = plain.GetGenericArguments();
            if (arguments[0] != typeof(string))
            {
                throw new InvalidOperationException($"{plain} is not a manifest map: map keys are strings.");
            }

            return new ManifestTypeInfo(plain, ManifestTypeKind.Map) { ElementType = arguments[1] };
        }

        return BuildObject(plain);
    }

    private static ManifestTypeInfo BuildObject(Type type)
    {
        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"{type} cannot be read from a manifest: it needs a public parameterless constructor.");
        }

        var fields = new List<ManifestFieldInfo>();
        var inlines = new List<PropertyInfo>();
        foreach (var property in DeclaredProperties(type))
        {
            if (property.GetCustomAttribute<ManifestFieldAttribute>() is { } field)
            {
                fields.Add(new ManifestFieldInfo(field.Name, property, null));
            }
            else if (property.GetCustomAttribute<ManifestInlineAttribute>() is not null)
            {
                inlines.Add(property);
                var inlined = Of(property.PropertyType);
                if (inlined.Kind != ManifestTypeKind.Object || inlined.InlineProperties.Count > 0)
                {
                    throw new InvalidOperationException($"{type}.{property.Name} can only inline an object without inlined properties of its own.");
                }

                fields.AddRange(inlined.Fields.Select(f => f with { InlineOwner = property }));
            }
        }

        var byName = new Dictionary<string, ManifestFieldInfo>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!byName.TryAdd(field.Name, field))
            {
                throw new InvalidOperationException($"{type} declares the manifest field '{field.Name}' twice.");
            }
        }

        return new ManifestTypeInfo(type, ManifestTypeKind.Object)
        {
            Fields = fields,
            FieldsByName = byName,
            InlineProperties = inlines,
        };
    }

    /// <summary>Public instance properties, base class first, each class in declaration order.</summary>
    private static IEnumerable<PropertyInfo> DeclaredProperties(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            chain.Push(current);
        }

        return chain.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
    }
}
