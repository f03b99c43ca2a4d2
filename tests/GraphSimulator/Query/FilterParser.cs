using System.Text.Json.Nodes;
using GraphSimulator.Wire;

namespace GraphSimulator.Query;

/// <summary>A parsed filter and, when it uses one, the advanced-query feature that needs ConsistencyLevel: eventual.</summary>
public sealed record ParsedFilter(FilterExpression Expression, string? AdvancedFeature);

/// <summary>
/// Recursive-descent parser for the <c>$filter</c> forms directory reads use: <c>eq ne gt ge lt le</c>,
/// <c>in (...)</c>, <c>startswith</c>, <c>endswith</c>, <c>not</c>, <c>and</c>, <c>or</c>, parentheses and
/// <c>collection/any(x:x eq 'v')</c>. Anything else is answered like Graph answers it: 400 Unsupported Query.
/// </summary>
internal sealed class FilterParser
{
    private static readonly HashSet<string> ComparisonOperators = ["eq", "ne", "gt", "ge", "lt", "le"];

    private readonly List<FilterToken> _tokens;
    private readonly string _text;
    private int _position;
    private string? _advancedFeature;

    private FilterParser(string text)
    {
        _text = text;
        _tokens = FilterTokenizer.Tokenize(text);
    }

    public static ParsedFilter Parse(string text)
    {
        var parser = new FilterParser(text);
        var expression = parser.ParseOr();
        parser.Expect(TokenKind.End);
        return new ParsedFilter(expression, parser._advancedFeature);
    }

    private FilterToken Current => _tokens[_position];

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new OrFilter(left, ParseAnd());
        }

        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TryKeyword("and"))
        {
            left = new AndFilter(left, ParseUnary());
        }

        return left;
    }

    private FilterExpression ParseUnary()
    {
        if (TryKeyword("not"))
        {
            _advancedFeature ??= "not";
            return new NotFilter(ParseUnary());
        }

        return ParsePrimary();
    }

    private FilterExpression ParsePrimary()
    {
        if (Current.Kind == TokenKind.OpenParen)
        {
            _position++;
            var inner = ParseOr();
            Expect(TokenKind.CloseParen);
            return inner;
        }

        var name = Expect(TokenKind.Identifier).Text;
        if (Current.Kind == TokenKind.OpenParen)
        {
            return name.EndsWith("/any", StringComparison.OrdinalIgnoreCase)
                ? ParseAny(name[..^"/any".Length])
                : ParseFunction(name.ToLowerInvariant());
        }

        var op = Expect(TokenKind.Identifier).Text.ToLowerInvariant();
        if (op == "in")
        {
            return new InFilter(name, ParseLiteralList());
        }

        if (!ComparisonOperators.Contains(op))
        {
            throw Unsupported($"operator '{op}'");
        }

        if (op == "ne")
        {
            _advancedFeature ??= "ne";
        }

        return new ComparisonFilter(name, op, ParseLiteral());
    }

    private FilterExpression ParseFunction(string function)
    {
        if (function is not ("startswith" or "endswith"))
        {
            throw Unsupported($"function '{function}'");
        }

        if (function == "endswith")
        {
            _advancedFeature ??= "endsWith";
        }

        Expect(TokenKind.OpenParen);
        var path = Expect(TokenKind.Identifier).Text;
        Expect(TokenKind.Comma);
        var argument = Expect(TokenKind.String).Text;
        Expect(TokenKind.CloseParen);
        return new StringFunctionFilter(function, path, argument);
    }

    private FilterExpression ParseAny(string path)
    {
        Expect(TokenKind.OpenParen);
        var variable = Expect(TokenKind.Identifier).Text;
        Expect(TokenKind.Colon);
        if (!string.Equals(Expect(TokenKind.Identifier).Text, variable, StringComparison.Ordinal))
        {
            throw Unsupported("lambda body");
        }

        var op = Expect(TokenKind.Identifier).Text.ToLowerInvariant();
        if (op is not ("eq" or "ne"))
        {
            throw Unsupported($"operator '{op}' in a lambda");
        }

        var literal = ParseLiteral();
        Expect(TokenKind.CloseParen);
        return new AnyFilter(path, op, literal);
    }

    private List<JsonNode?> ParseLiteralList()
    {
        Expect(TokenKind.OpenParen);
        var literals = new List<JsonNode?> { ParseLiteral() };
        while (Current.Kind == TokenKind.Comma)
        {
            _position++;
            literals.Add(ParseLiteral());
        }

        Expect(TokenKind.CloseParen);
        return literals;
    }

    private JsonNode? ParseLiteral()
    {
        var token = Current;
        var isKeywordLiteral = token.Kind == TokenKind.Identifier &&
            token.Text.ToLowerInvariant() is "true" or "false" or "null";
        if (token.Kind is not (TokenKind.String or TokenKind.Number or TokenKind.DateTimeOffset) && !isKeywordLiteral)
        {
            throw GraphException.BadRequest($"Invalid filter clause: a literal was expected in '{_text}'.");
        }

        _position++;
        return FilterValues.Literal(token);
    }

    private bool TryKeyword(string keyword)
    {
        if (Current.Kind == TokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private FilterToken Expect(TokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw GraphException.BadRequest($"Invalid filter clause: syntax error near '{token.Text}' in '{_text}'.");
        }

        _position++;
        return token;
    }

    private GraphException Unsupported(string what) =>
        GraphException.UnsupportedQuery($"Unsupported Query. The {what} is not supported in '{_text}'.");
}
