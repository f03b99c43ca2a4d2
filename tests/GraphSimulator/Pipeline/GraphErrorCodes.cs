namespace GraphSimulator.Pipeline;

/// <summary>The error code Graph puts in the envelope for a status, used by injected faults.</summary>
internal static class GraphErrorCodes
{
    public static string For(int status) => status switch
    {
        400 => "BadRequest",
        401 => "InvalidAuthenticationToken",
        403 => "Authorization_RequestDenied",
        404 => "Request_ResourceNotFound",
        429 => "TooManyRequests",
        503 => "serviceNotAvailable",
        504 => "GatewayTimeout",
        _ => "UnknownError",
    };

    public static string MessageFor(int status) => status switch
    {
        429 => "Too many requests. Please retry again later.",
        503 => "The service is temporarily unavailable. Please retry later.",
        504 => "The request timed out.",
        _ => "The simulator injected this fault.",
    };
}
