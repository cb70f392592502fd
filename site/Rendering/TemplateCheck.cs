using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Fluid;
using Fluid.Ast;

namespace ReportArchive.Rendering;

/// <summary>Checks every member a layout uses (<c>page.title</c>, <c>s.heading</c> inside <c>for s in page.sections</c>,
/// <c>t.toc</c>) against the view type the layout is rendered with and the interface strings, so that a misspelt member is an
/// error when the theme is loaded instead of an empty string on every page.</summary>
public sealed class TemplateCheck : AstVisitor
{
    // What Liquid itself gives a loop and a list.
    private static readonly HashSet<string> ForLoopMembers = ["first", "last", "index", "index0", "rindex", "rindex0", "length"];
    private static readonly HashSet<string> ListMembers = ["size", "first", "last"];

    private readonly Dictionary<string, Type> _scope;
    private readonly IReadOnlySet<string> _strings;
    private readonly List<TemplateProblem> _problems = [];

    private TemplateCheck(LayoutModel model, IReadOnlySet<string> strings)
    {
        _scope = new(StringComparer.Ordinal) { [model.Name] = model.View };
        if (model.Strings)
        {
            _scope["t"] = typeof(IReadOnlyDictionary<string, object>);
        }

        _strings = strings;
    }

    /// <summary>Each member path the template uses that its model does not have, with what it could have been.</summary>
    public static IReadOnlyList<TemplateProblem> Problems(IFluidTemplate template, LayoutModel model, IReadOnlySet<string> strings)
    {
        var check = new TemplateCheck(model, strings);
        check.VisitTemplate(template);
        return check._problems;
    }

    /// <summary>The name a property has in a layout (snake_case, as the renderer exposes it).</summary>
    public static string NameOf(PropertyInfo property) => MemberNameStrategies.SnakeCase(property);

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var element = forStatement.Source is MemberExpression source ? ElementType(Resolve(source)) : typeof(int);
        var hidden = _scope.GetValueOrDefault(forStatement.Identifier);
        var hadForLoop = _scope.ContainsKey("forloop");
        _scope[forStatement.Identifier] = element ?? typeof(object);
        _scope["forloop"] = typeof(ForLoopValue);
        var result = base.VisitForStatement(forStatement);
        Restore(forStatement.Identifier, hidden);
        if (!hadForLoop)
        {
            _scope.Remove("forloop");
        }

        return result;
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        var result = base.VisitAssignStatement(assignStatement);
        _scope[assignStatement.Identifier] = typeof(object);
        return result;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        Resolve(memberExpression);
        return base.VisitMemberExpression(memberExpression);
    }

    private void Restore(string name, Type? hidden)
    {
        if (hidden is null)
        {
            _scope.Remove(name);
        }
        else
        {
            _scope[name] = hidden;
        }
    }

    /// <summary>The type a member path has, reporting the first segment that does not exist; null when it cannot be known.</summary>
    // The view types are read whole by reflection, here and by Fluid when a page is rendered; compiled ahead of time, the program's
    // own assembly is kept whole (ReportArchive.csproj), so every property and interface of a view type is there to be read.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "the program's own assembly is a trimmer root")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "the program's own assembly is a trimmer root")]
    private Type? Resolve(MemberExpression expression)
    {
        var names = expression.Segments.TakeWhile(s => s is IdentifierSegment).Cast<IdentifierSegment>().Select(s => s.Identifier).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var path = string.Join(".", names);
        if (!_scope.TryGetValue(names[0], out var type))
        {
            _problems.Add(new(path, $"'{path}': '{names[0]}' is not defined here (the layout has {string.Join(", ", _scope.Keys.Order(StringComparer.Ordinal))})"));
            return null;
        }

        for (var i = 1; i < names.Count; i++)
        {
            var name = names[i];
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(object))
            {
                return null; // an assigned variable: its type is not known
            }

            if (type == typeof(ForLoopValue))
            {
                type = ForLoopMembers.Contains(name) ? typeof(int) : Fail(path, name, "forloop", ForLoopMembers);
            }
            else if (type == typeof(IReadOnlyDictionary<string, object>))
            {
                type = _strings.Contains(name) ? typeof(string) : Fail(path, name, "the interface strings (theme/i18n)", _strings);
            }
            else if (ElementType(type) is { } element && type != typeof(string))
            {
                type = name == "size" ? typeof(int) : ListMembers.Contains(name) ? element : Fail(path, name, $"a list of {element.Name}", ListMembers);
            }
            else if (type == typeof(string))
            {
                type = name == "size" ? typeof(int) : Fail(path, name, "a string", ["size"]);
            }
            else
            {
                var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(NameOf, p => p.PropertyType, StringComparer.Ordinal);
                type = members.TryGetValue(name, out var member) ? member : Fail(path, name, type.Name, members.Keys);
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private Type? Fail(string path, string name, string what, IEnumerable<string> known)
    {
        var list = known.Order(StringComparer.Ordinal).ToList();
        var close = Build.Suggestion.Closest(name, list);
        _problems.Add(new(path, $"'{path}': {what} has no '{name}'{(close is null ? "" : $"; did you mean '{close}'?")}" + (list.Count <= 30 ? $" (it has {string.Join(", ", list)})" : "")));
        return null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "the program's own assembly is a trimmer root")]
    private static Type? ElementType(Type? type) =>
        type is null || type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
            ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);

    /// <summary>Stands for Liquid's <c>forloop</c> object in the scope.</summary>
    private sealed class ForLoopValue;
}

/// <summary>A member path a layout uses that its model does not have, and why.</summary>
public sealed record TemplateProblem(string Path, string Message);

/// <summary>What a layout is rendered with: the name of its view (<c>page</c>, or <c>layout</c> for the shell), the view's type,
/// and whether the interface strings are there as <c>t</c>.</summary>
public sealed record LayoutModel(string Name, Type View, bool Strings = true)
{
    /// <summary>Every layout the site renders, and its model. A layout file not named here is not rendered (a theme may keep others).</summary>
    public static readonly IReadOnlyDictionary<string, LayoutModel> All = new Dictionary<string, LayoutModel>(StringComparer.Ordinal)
    {
        ["base"] = new("layout", typeof(LayoutView)),
        ["article"] = new("page", typeof(ArticleView)),
        ["moved"] = new("page", typeof(MovedView), Strings: false),
        ["list"] = new("page", typeof(ListView)),
        ["index"] = new("page", typeof(IndexView)),
        ["search"] = new("page", typeof(SearchView)),
        ["root"] = new("page", typeof(ChooserView), Strings: false),
        ["404"] = new("page", typeof(ChooserView), Strings: false),
    };
}
