using System.Globalization;
using System.Text;
using GraphSimulator.Wire;

namespace GraphSimulator.Query;

/// <summary>
/// The opaque <c>$skiptoken</c> of a nextLink. It carries the page number (so that a fault rule can
/// fail "the 2nd page") and the offset of the page's first item. Base64url like Graph's, so that
/// callers cannot be tempted to parse it.
/// </summary>
public readonly record struct SkipToken(int Page, int Offset)
{
    public static SkipToken First => new(1, 0);

    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"p{Page}o{Offset}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The page a request asks for: 1 without a token.</summary>
    public static SkipToken Of(GraphRequest request) =>
        request.Query.TryGetValue("$skiptoken", out var token) ? Decode(token) : First;

    public static SkipToken Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var offsetAt = text.IndexOf('o', StringComparison.Ordinal);
            if (text.StartsWith('p') && offsetAt > 1)
            {
                return new SkipToken(
                    int.Parse(text[1..offsetAt], CultureInfo.InvariantCulture),
                    int.Parse(text[(offsetAt + 1)..], CultureInfo.InvariantCulture));
            }
        }
        catch (FormatException)
        {
            // Falls through to the error Graph gives for a token it did not mint.
        }

        throw new GraphException(400, "Directory_ExpiredPageToken",
            "The specified page token value has expired and can no longer be included in your request.");
    }
}
