import { z } from 'zod';

/** Bigger reports are not read (a report is well under 2 KB). */
const maxReportBytes = 16 * 1024;
/** At most this many violations are logged per minute per server, so a flood cannot fill logs. */
const maxLoggedPerMinute = 60;

// report-uri's format (`application/csp-report`) and the Reporting API's
// (`application/reports+json`); every field optional, anything else ignored.
const legacyReport = z.object({
  'csp-report': z.object({
    'document-uri': z.string().optional(),
    'effective-directive': z.string().optional(),
    'violated-directive': z.string().optional(),
    'blocked-uri': z.string().optional(),
    'source-file': z.string().optional(),
    'line-number': z.number().optional(),
    disposition: z.string().optional(),
  }),
});
const reportingApiReports = z.array(
  z.object({
    type: z.string(),
    body: z.object({
      documentURL: z.string().optional(),
      effectiveDirective: z.string().optional(),
      blockedURL: z.string().optional(),
      sourceFile: z.string().optional(),
      lineNumber: z.number().optional(),
      disposition: z.string().optional(),
    }),
  }),
);

export interface Violation {
  document?: string;
  directive?: string;
  blocked?: string;
  source?: string;
  line?: number;
  disposition?: string;
}

let logWindow = { startedAt: 0, logged: 0 };

/**
 * The app's CSP violation endpoint (`POST /api/csp-report`): logs one line per violation, without
 * query strings or fragments (reset and order links carry tokens there) and without the sample
 * of the blocked code; answers 204 whatever it was sent.
 */
export function cspReportHandler(app: string) {
  return async function POST(request: Request): Promise<Response> {
    const violations = await violationsIn(request);
    for (const violation of violations) {
      const now = Date.now();
      if (now - logWindow.startedAt > 60_000) logWindow = { startedAt: now, logged: 0 };
      if (logWindow.logged >= maxLoggedPerMinute) break;
      logWindow.logged += 1;
      console.warn(JSON.stringify({ msg: 'csp violation', app, ...violation }));
    }
    return new Response(null, { status: 204 });
  };
}

export async function violationsIn(request: Request): Promise<Violation[]> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxReportBytes) return [];
  let body: unknown;
  try {
    const text = await boundedText(request);
    if (text === undefined) return [];
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const legacy = legacyReport.safeParse(body);
  if (legacy.success) {
    const report = legacy.data['csp-report'];
    return [
      {
        document: withoutQuery(report['document-uri']),
        directive: report['effective-directive'] ?? report['violated-directive'],
        blocked: withoutQuery(report['blocked-uri']),
        source: withoutQuery(report['source-file']),
        line: report['line-number'],
        disposition: report.disposition,
      },
    ];
  }
  const reports = reportingApiReports.safeParse(body);
  if (!reports.success) return [];
  return reports.data
    .filter((report) => report.type === 'csp-violation')
    .slice(0, 20)
    .map(({ body: report }) => ({
      document: withoutQuery(report.documentURL),
      directive: report.effectiveDirective,
      blocked: withoutQuery(report.blockedURL),
      source: withoutQuery(report.sourceFile),
      line: report.lineNumber,
      disposition: report.disposition,
    }));
}

/** A URL without its query and fragment (`inline`, `eval` and the like stay as they are). */
function withoutQuery(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const cut = value.search(/[?#]/);
  return (cut === -1 ? value : value.slice(0, cut)).slice(0, 300);
}

/** The body as text, or undefined once it grows past maxReportBytes (read no further). */
async function boundedText(request: Request): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxReportBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
