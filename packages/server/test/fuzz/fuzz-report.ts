import type { LightMyRequestResponse } from 'fastify';
import type { FuzzRequest } from './fuzz-requests';
import { describeForm } from './multipart-forms';

export interface FuzzFailure {
  index: number;
  request: FuzzRequest;
  status: number;
  contentType: string;
  responseExcerpt: string;
  problems: string[];
  serverLog: string[];
}

function excerpt(text: string, max = 300): string {
  const printable = JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text);
  return printable.slice(1, -1);
}

export function failureOf(
  index: number,
  request: FuzzRequest,
  response: LightMyRequestResponse,
  problems: string[],
  serverLog: string[],
): FuzzFailure {
  return {
    index,
    request,
    status: response.statusCode,
    contentType: String(response.headers['content-type'] ?? ''),
    responseExcerpt: excerpt(response.body),
    problems,
    serverLog,
  };
}

/** The error a server log line (pino JSON) reports, without its stack. */
function logMessage(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string } };
    const cause = (entry.err?.message ?? '').split('\n').pop();
    return `${entry.msg}: ${entry.err?.type ?? ''} ${cause}`;
  } catch {
    return line;
  }
}

/** The failure message: how to reproduce, then one entry per distinct failure (operation and problem). */
export function formatFailures(failures: FuzzFailure[], settings: { seed: number; runs: number }): string {
  const distinct = new Map<string, FuzzFailure>();
  for (const f of failures) {
    const key = `${f.request.operation} ${f.problems[0]}`;
    if (!distinct.has(key)) distinct.set(key, f);
  }
  const lines = [
    `${failures.length} of ${settings.runs} fuzzed requests failed, ${distinct.size} distinct.`,
    `Reproduce with FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs}.`,
  ];
  for (const f of [...distinct.values()].slice(0, 25)) {
    const r = f.request;
    const body = r.form ? describeForm(r.form) : r.jsonText !== undefined ? excerpt(r.jsonText) : '(none)';
    lines.push(
      '',
      `#${f.index} ${r.operation} — ${r.intent}`,
      `  → ${r.method} ${excerpt(r.url, 200)}`,
      `    headers ${excerpt(JSON.stringify(r.headers), 200)}`,
      `    body ${body}`,
      `  ← ${f.status} ${f.contentType} ${f.responseExcerpt}`,
      `  problems: ${f.problems.join('; ')}`,
      ...f.serverLog.map((line) => `  server log: ${excerpt(logMessage(line), 400)}`),
    );
  }
  return lines.join('\n');
}
