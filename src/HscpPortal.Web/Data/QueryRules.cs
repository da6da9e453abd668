using System.Linq.Expressions;
using System.Reflection;
using HscpPortal.Web.Domain;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HscpPortal.Web.Data;

/// <summary>
/// Lets queries call the domain's rules (<see cref="Rules"/>) by name: before EF Core translates a query, each call is
/// replaced by the rule's body written against the record's own properties, which EF turns into SQL. The rewrite
/// runs once per query shape, when EF compiles it, not on every execution.
/// </summary>
public sealed class QueryRules : IQueryExpressionInterceptor
{
    public static readonly QueryRules Instance = new();

    private static readonly MethodInfo IsLive = typeof(Rules).GetMethod(nameof(Rules.IsLive))!;
    private static readonly MethodInfo IsArchived = typeof(Rules).GetMethod(nameof(Rules.IsArchived))!;
    private static readonly MethodInfo IsCurrentOn = typeof(Rules).GetMethod(nameof(Rules.IsCurrentOn))!;
    private static readonly MethodInfo Overlaps = typeof(Rules).GetMethod(nameof(Rules.Overlaps))!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Expander().Visit(queryExpression);

    /// <summary>Rewrites an expression outside EF (for tests, and for queries composed by hand).</summary>
    public static Expression Expand(Expression expression) => new Expander().Visit(expression);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var method = node.Method;
            if (method.DeclaringType != typeof(Rules))
            {
                return base.VisitMethodCall(node);
            }

            var args = node.Arguments.Select(Visit).ToList();
            if (method.GetCustomAttribute<QueryRuleAttribute>() is { } rule)
            {
                var body = (LambdaExpression)typeof(Rules).GetField(rule.Expression, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                return Visit(new Substitute(body.Parameters, args!).Visit(body.Body));
            }

            var record = Unconvert(args[0]!);
            if (method == IsLive)
            {
                return Expression.Equal(Property(record, nameof(IArchivable.ArchivedAt)), Expression.Constant(null, typeof(DateTime?)));
            }

            if (method == IsArchived)
            {
                return Expression.NotEqual(Property(record, nameof(IArchivable.ArchivedAt)), Expression.Constant(null, typeof(DateTime?)));
            }

            if (method == IsCurrentOn)
            {
                return Held(record, args[1]!, args[1]!);
            }

            if (method == Overlaps)
            {
                return Held(record, args[2]!, args[1]!);
            }

            return base.VisitMethodCall(node);
        }

        // From <= end && (To == null || To >= start)
        private static BinaryExpression Held(Expression record, Expression end, Expression start)
        {
            var from = Property(record, nameof(IDated.From));
            var to = Property(record, nameof(IDated.To));
            var nullableStart = Expression.Convert(start, typeof(DateOnly?));
            return Expression.AndAlso(
                Expression.LessThanOrEqual(from, end),
                Expression.OrElse(
                    Expression.Equal(to, Expression.Constant(null, typeof(DateOnly?))),
                    Expression.GreaterThanOrEqual(to, nullableStart)));
        }

        // The record's own property (Person.ArchivedAt), not the interface's, which EF would not know.
        private static MemberExpression Property(Expression record, string name) =>
            Expression.Property(record, record.Type.GetProperty(name) ?? throw new InvalidOperationException($"{record.Type.Name} has no {name}."));

        /// <summary>Puts the call's arguments in place of the rule's parameters.</summary>
        private sealed class Substitute(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node)
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    if (parameters[i] == node)
                    {
                        return arguments[i];
                    }
                }

                return node;
            }
        }

        private static Expression Unconvert(Expression expression) =>
            expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
                && convert.Type.IsInterface
                ? convert.Operand
                : expression;
    }
}
