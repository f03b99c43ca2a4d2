using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GraphSimulator.Wire;

namespace GraphSimulator.Query;

internal enum TokenKind { Identifier, String, Number, DateTimeOffset, OpenParen, CloseParen, Comma, Colon, End }

internal readonly record struct FilterToken(TokenKind Kind, string Text);

/// <summary>Splits an OData <c>$filter</c> into tokens: identifiers (property paths), 'strings', numbers, date-times, punctuation.</summary>
internal static partial class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(new FilterToken(TokenKind.String, ReadString(filter, ref i)));
            }
            else if (c is '(' or ')' or ',' or ':')
            {
                tokens.Add(new FilterToken(c switch
                {
                    '(' => TokenKind.OpenParen,
                    ')' => TokenKind.CloseParen,
                    ',' => TokenKind.Comma,
                    _ => TokenKind.Colon,
                }, c.ToString()));
                i++;
            }
            else if (DateTimeOffsetLiteral().Match(filter, i) is { Success: true } dateTime)
            {
                tokens.Add(new FilterToken(TokenKind.DateTimeOffset, dateTime.Value));
                i += dateTime.Length;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < filter.Length && char.IsDigit(filter[i + 1])))
            {
                tokens.Add(new FilterToken(TokenKind.Number, ReadWhile(filter, ref i, ch => char.IsDigit(ch) || ch is '.' or '-')));
            }
            else if (char.IsLetter(c) || c is '_' or '@')
            {
                tokens.Add(new FilterToken(TokenKind.Identifier,
                    ReadWhile(filter, ref i, ch => char.IsLetterOrDigit(ch) || ch is '_' or '/' or '.' or '@' or '-')));
            }
            else
            {
                throw GraphException.BadRequest(
                    string.Create(CultureInfo.InvariantCulture, $"Syntax error at position {i} in '{filter}'."));
            }
        }

        tokens.Add(new FilterToken(TokenKind.End, string.Empty));
        return tokens;
    }

    /// <summary>OData strings double a quote to escape it: <c>'O''Brien'</c>.</summary>
    private static string ReadString(string filter, ref int i)
    {
        var text = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= filter.Length)
            {
                throw GraphException.BadRequest($"Unterminated string literal in '{filter}'.");
            }

            if (filter[i] == '\'')
            {
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    text.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return text.ToString();
            }

            text.Append(filter[i++]);
        }
    }

    private static string ReadWhile(string filter, ref int i, Func<char, bool> accept)
    {
        var start = i;
        while (i < filter.Length && accept(filter[i]))
        {
            i++;
        }

        return filter[start..i];
    }

    /// <summary>OData writes DateTimeOffset literals unquoted: <c>activityDateTime ge 2026-08-20T10:00:00Z</c>.</summary>
    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex DateTimeOffsetLiteral();
}
