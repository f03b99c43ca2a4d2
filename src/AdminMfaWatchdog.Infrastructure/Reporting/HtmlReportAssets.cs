using System.Security.Cryptography;
using System.Text;

namespace AdminMfaWatchdog.Infrastructure.Reporting;

/// <summary>The report page's fixed style and script. Neither holds tenant data: the script reads the DOM.</summary>
internal static class HtmlReportAssets
{
    public const string Style = """
        :root { --ok: #1b7f3b; --warn: #a86400; --bad: #b3261e; --muted: #5f6368; --line: #d9dce1; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; padding: 24px; max-width: 1400px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 20px 0 4px; }
        .meta, .note { color: var(--muted); } .note { font-size: 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 130px; }
        .card b { display: block; font-size: 24px; } .card span:not(.badge) { color: var(--muted); }
        .banner { padding: 10px 14px; border-radius: 8px; background: #fdecea; color: var(--bad); font-weight: 600; }
        .toolbar { position: sticky; top: 0; background: #fff; padding: 8px 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; border-bottom: 1px solid var(--line); z-index: 1; }
        .toolbar input { flex: 1; min-width: 240px; padding: 6px 8px; } .toolbar select { padding: 6px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } ul { margin: 0; padding-left: 18px; } small { color: var(--muted); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
        .covered, .ok, .low, .applied, .resolved, .remediated { background: var(--ok); } .new { background: #0b57d0; } .partial, .warn, .medium, .planned, .skipped { background: var(--warn); }
        .notCovered, .bad, .critical, .high, .failed, .blocked { background: var(--bad); } .exempt, .disabled, .none { background: #6e7781; }
        .trend .axis { stroke: var(--line); } .trend .line { fill: none; stroke: var(--bad); stroke-width: 2; } .trend circle { fill: var(--bad); } .trend text { font-size: 11px; fill: var(--muted); }
        .matrix td.cell { text-align: center; } .matrix th.policy { font-weight: 500; font-size: 12px; max-width: 180px; }
        @media print {
          body { padding: 0; max-width: none; font-size: 11px; } .toolbar { display: none; }
          tr, .card, .rule, .trend { break-inside: avoid; } .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; } a[href^="https:"]::after { content: " (" attr(href) ")"; font-size: 10px; }
        }
        """;

    // Filters rows marked data-filterable by their text and their data-verdict / data-severity.
    public const string Script = """
        (() => {
          const search = document.getElementById('search'), verdict = document.getElementById('verdict'), severity = document.getElementById('severity');
          const rows = [...document.querySelectorAll('tr[data-filterable]')];
          const apply = () => {
            const q = search.value.trim().toLowerCase();
            let shown = 0;
            for (const row of rows) {
              const visible = (!q || row.textContent.toLowerCase().includes(q))
                && (!verdict.value || !row.dataset.verdict || row.dataset.verdict === verdict.value)
                && (!severity.value || !row.dataset.severity || row.dataset.severity === severity.value);
              row.hidden = !visible;
              if (visible) shown++;
            }
            for (const group of document.querySelectorAll('[data-group]')) group.hidden = !group.querySelector('tr[data-filterable]:not([hidden])');
            document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' rows shown';
          };
          for (const control of [search, verdict, severity]) control.addEventListener('input', apply);
          apply();
        })();
        """;

    /// <summary>
    /// The Content-Security-Policy: no network at all, and only this exact script may run, so even a
    /// tenant string that escaped encoding could neither run script (inline handlers included) nor load anything.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'";
}
