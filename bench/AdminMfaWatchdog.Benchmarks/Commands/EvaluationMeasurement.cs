using System.Text.Json;

namespace AdminMfaWatchdog.Benchmarks.Commands;

/// <summary>What <c>evaluate</c> measured; one JSON line for scripts, or lines for people.</summary>
internal sealed record EvaluationMeasurement(
    string Tenant,
    int Users,
    int Groups,
    int Admins,
    int Policies,
    int Findings,
    int Iterations,
    double EvaluateMsMedian,
    double EvaluateMsMin,
    double EvaluateMsMax,
    double AllocatedMbPerEvaluation,
    double PeakWorkingSetMb,
    double SnapshotMb,
    double ReadMs)
{
    public void WriteJson(TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("tenant", Tenant);
            json.WriteNumber("users", Users);
            json.WriteNumber("groups", Groups);
            json.WriteNumber("admins", Admins);
            json.WriteNumber("policies", Policies);
            json.WriteNumber("findings", Findings);
            json.WriteNumber("iterations", Iterations);
            json.WriteNumber("evaluateMsMedian", Math.Round(EvaluateMsMedian, 1));
            json.WriteNumber("evaluateMsMin", Math.Round(EvaluateMsMin, 1));
            json.WriteNumber("evaluateMsMax", Math.Round(EvaluateMsMax, 1));
            json.WriteNumber("allocatedMbPerEvaluation", Math.Round(AllocatedMbPerEvaluation, 1));
            json.WriteNumber("peakWorkingSetMb", Math.Round(PeakWorkingSetMb));
            json.WriteNumber("snapshotMb", Math.Round(SnapshotMb, 1));
            json.WriteNumber("readMs", Math.Round(ReadMs, 1));
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"tenant {Tenant}: {Users:N0} users, {Groups:N0} groups, {Admins:N0} admins, {Policies:N0} policies -> {Findings:N0} findings");
        output.WriteLine($"evaluate: median {EvaluateMsMedian:F1} ms, min {EvaluateMsMin:F1} ms, max {EvaluateMsMax:F1} ms over {Iterations} runs (after {EvaluateCommand.WarmUps} warm-ups)");
        output.WriteLine($"allocated per evaluation: {AllocatedMbPerEvaluation:F1} MB; peak working set of the process: {PeakWorkingSetMb:F0} MB");
        output.WriteLine($"snapshot JSON: {SnapshotMb:F1} MB, read in {ReadMs:F1} ms (median of {EvaluateCommand.Reads})");
    }
}
