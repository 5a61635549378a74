namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>A stream entry: its id ("1700000000000-0") and its field/value pairs in the order they were added.</summary>
/// <param name="Id">The entry id.</param>
/// <param name="Fields">The field/value pairs; empty for an entry deleted while still pending (see <see cref="IsDeleted"/>).</param>
/// <param name="IsDeleted">True when Redis reports a pending entry whose content was deleted (XDEL) or trimmed away.</param>
public sealed record RedisStreamEntry(string Id, IReadOnlyList<RedisStreamField> Fields, bool IsDeleted)
{
    /// <summary>The value of the first field called <paramref name="name"/>, or null.</summary>
    public ReadOnlyMemory<byte>? this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            foreach (var field in Fields)
            {
                if (field.NameText == name)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }
}
