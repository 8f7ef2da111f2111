using System.Reflection;

namespace Pipeline.Engine.Parameters;

/// <summary>A <c>[Parameter]</c> field or property of the build class.</summary>
internal sealed record ParameterMember(MemberInfo Member, ParameterAttribute Attribute)
{
    public string Name => Attribute.Name ?? Member.Name;
    public string CliName => "--" + ParameterNames.ToKebab(Name);
    public Type Type => Member is FieldInfo f ? f.FieldType : ((PropertyInfo)Member).PropertyType;

    public object? GetValue(object build) => Member is FieldInfo f ? f.GetValue(build) : ((PropertyInfo)Member).GetValue(build);

    public void SetValue(object build, object? value)
    {
        if (Member is FieldInfo f) f.SetValue(build, value);
        else ((PropertyInfo)Member).SetValue(build, value);
    }

    public static IReadOnlyList<ParameterMember> Of(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var list = new List<ParameterMember>();
        for (var t = buildType; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var m in t.GetMembers(flags | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
                if (m is FieldInfo or PropertyInfo && m.GetCustomAttribute<ParameterAttribute>() is { } a)
                    list.Add(new ParameterMember(m, a));
        }
        return list;
    }
}
