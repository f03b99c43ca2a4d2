using System.Text.Encodings.Web;
using System.Text.Json;

namespace GraphSimulator.Wire;

internal static class WireJson
{
    /// <summary>Graph writes quotes and ampersands as they are, not as <c>\u0027</c>: nextLinks stay readable.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
