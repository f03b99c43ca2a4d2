using AdminMfaWatchdog.Infrastructure.Hosting.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AdminMfaWatchdog.Functions.Functions;

/// <summary>A Hosting answer as an ASP.NET Core result, with the headers every answer carries.</summary>
internal static class HttpResults
{
    public static IActionResult From(HostResponse response, HttpRequest request)
    {
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ContentResult { StatusCode = response.StatusCode, ContentType = response.ContentType, Content = response.Body };
    }
}
