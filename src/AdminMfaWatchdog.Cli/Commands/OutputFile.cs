namespace AdminMfaWatchdog.Cli.Commands;

internal static class OutputFile
{
    /// <summary>Readers of the file never see half a report: write beside it, then rename over it.</summary>
    public static async Task WriteAtomicallyAsync(FileInfo file, string content, CancellationToken cancellationToken)
    {
        var directory = file.DirectoryName ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{file.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
