using AdminMfaWatchdog.Core.Json;

namespace AdminMfaWatchdog.Cli.Commands;

internal static class InputFile
{
    /// <summary>Reads a JSON input file; a missing or unreadable file is bad input like a malformed one.</summary>
    public static T Read<T>(FileInfo file, Func<Stream, string, T> read)
    {
        try
        {
            using var stream = file.OpenRead();
            return read(stream, file.ToString());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException(file.ToString(), "$", "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(file.ToString(), "$", $"cannot be read: {ex.Message}");
        }
    }
}
