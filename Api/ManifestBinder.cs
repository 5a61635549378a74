using System.Collections;

namespace ArgoEvents.Api;

/// <summary>
/// Turns a <see cref="ManifestNode"/> tree into model objects. Every key must be a field the model declares;
/// every value must have the field's shape and type. It does not stop at the first problem: each one becomes a
/// <see cref="ManifestError"/> naming the field path and where it is written, and the position of every bound
/// field is recorded for later validation messages.
/// </summary>
internal sealed class ManifestBinder
{
    private readonly string _sourceName;
    private readonly List<ManifestError> _errors;
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public ManifestBinder(string sourceName, List<ManifestError> errors)
    {
        _sourceName = sourceName;
        _errors = errors;
    }

    /// <summary>Where each bound field path is written (the key's position for mapping entries).</summary>
    public IReadOnlyDictionary<string, SourcePosition> Positions => _positions;

    /// <summary>Binds a document root to a model object type.</summary>
    public object? BindRoot(ManifestNode root, Type type)
    {
        _positions[FieldPath.Root] = root.Position;
        return Bind(root, type, FieldPath.Root);
    }

    private static string Describe(string path) => path.Length == 0 ? "the document" : $"field '{path}'";

    private object? Bind(ManifestNode node, Type type, string path)
    {
        var info = ManifestTypeInfo.Of(type);
        if (info.Kind == ManifestTypeKind.Node)
        {
            return node is ManifestScalar { IsNull: true } ? null : node;
        }

        if (node is ManifestScalar { IsNull: true })
        {
            return null;
        }

        return info.Kind switch
        {
            ManifestTypeKind.Object => node is ManifestMapping mapping ? BindObject(mapping, info, path) : Mismatch(node, path, "a mapping"),
            ManifestTypeKind.Map => node is ManifestMapping mapping ? BindMap(mapping, info, path) : Mismatch(node, path, "a mapping"),
            ManifestTypeKind.List => node is ManifestSequence sequence ? BindList(sequence, info, path) : Mismatch(node, path, "a sequence"),
            _ => node is ManifestScalar scalar ? BindScalar(scalar, info, path) : Mismatch(node, path, "a single value"),
        };
    }

    private object BindObject(ManifestMapping mapping, ManifestTypeInfo info, string path)
    {
        var target = Activator.CreateInstance(info.ClrType)!;
        var inlined = info.InlineProperties.ToDictionary(p => p, p => Activator.CreateInstance(p.PropertyType)!);
        foreach (var entry in mapping.Entries)
        {
            var childPath = FieldPath.Child(path, entry.Key.Value);
            if (!info.FieldsByName.TryGetValue(entry.Key.Value, out var field))
            {
                AddError(entry.Key.Position, childPath, $"unknown field '{childPath}'");
                continue;
            }

            _positions[childPath] = entry.Key.Position;
            var value = Bind(entry.Value, field.ValueType, childPath);
            if (value is not null)
            {
                field.Property.SetValue(field.InlineOwner is null ? target : inlined[field.InlineOwner], value);
            }
        }

        foreach (var (property, value) in inlined)
        {
            property.SetValue(target, value);
        }

        return target;
    }

    private object BindMap(ManifestMapping mapping, ManifestTypeInfo info, string path)
    {
        var valueType = info.ElementType!;
        var map = (IDictionary)Activator.CreateInstance(typeof(OrderedDictionary<,>).MakeGenericType(typeof(string), valueType))!;
        foreach (var entry in mapping.Entries)
        {
            var childPath = FieldPath.Child(path, entry.Key.Value);
            _positions[childPath] = entry.Key.Position;
            var value = Bind(entry.Value, valueType, childPath);
            if (value is not null)
            {
                map.Add(entry.Key.Value, value);
            }
            else if (ManifestTypeInfo.Of(valueType).Kind == ManifestTypeKind.Object)
            {
                // "name:" with nothing after it still declares an entry, just an empty one.
                map.Add(entry.Key.Value, Activator.CreateInstance(valueType)!);
            }
            else if (!IsNullable(valueType))
            {
                AddError(entry.Value.Position, childPath, $"field '{childPath}' must have a value");
            }
        }

        return map;
    }

    private object BindList(ManifestSequence sequence, ManifestTypeInfo info, string path)
    {
        var elementType = info.ElementType!;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var childPath = FieldPath.Index(path, i);
            _positions[childPath] = item.Position;
            var value = Bind(item, elementType, childPath);
            if (value is not null)
            {
                list.Add(value);
            }
            else if (!IsNullable(elementType) && item is ManifestScalar { IsNull: true })
            {
                AddError(item.Position, childPath, $"field '{childPath}' must not be null");
            }
        }

        return list;
    }

    private object? BindScalar(ManifestScalar scalar, ManifestTypeInfo info, string path)
    {
        switch (info.Kind)
        {
            case ManifestTypeKind.String:
                // A number or a boolean written where text is expected is taken as its text.
                return scalar.Value;
            case ManifestTypeKind.Boolean:
                return scalar.TryGetBoolean(out var flag) ? flag : TypeError(scalar, path, "must be true or false");
            case ManifestTypeKind.Int32:
                return scalar.TryGetInt64(out var small) && small is >= int.MinValue and <= int.MaxValue
                    ? (int)small
                    : TypeError(scalar, path, "must be an integer");
            case ManifestTypeKind.Int64:
                return scalar.TryGetInt64(out var large) ? large : TypeError(scalar, path, "must be an integer");
            case ManifestTypeKind.Double:
                return scalar.TryGetDouble(out var number) && double.IsFinite(number) ? number : TypeError(scalar, path, "must be a number");
            default:
                var result = info.Converter!.Read(scalar);
                if (result.Problem is not null)
                {
                    AddError(scalar.Position, path, $"{Describe(path)} {result.Problem}");
                }

                return result.Value;
        }
    }

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private object? TypeError(ManifestScalar scalar, string path, string expectation)
    {
        AddError(scalar.Position, path, $"{Describe(path)} {expectation}, got '{scalar.Value}'");
        return null;
    }

    private object? Mismatch(ManifestNode node, string path, string expected)
    {
        AddError(node.Position, path, $"{Describe(path)} must be {expected}, got {node.Describe()}");
        return null;
    }

    private void AddError(SourcePosition position, string path, string message) =>
        _errors.Add(new ManifestError(position.In(_sourceName), path.Length == 0 ? null : path, message));
}
