import fs = require('fs');
import type { ResponseExpectation, ScenarioStep } from './types';

/** Upper bound on one request: a local app answers in milliseconds; a handler that never responds must not hang the check. */
export const REQUEST_CAP_MS = 10_000;
/** How much of a body a message quotes. */
const QUOTE_CHARS = 300;

/** What a scenario needs of the running app. */
export interface ScenarioHost {
  baseUrl(): string;
  /** Stops the app and starts it again on the same database; resolves to why it failed, or undefined. */
  restart(): Promise<string | undefined>;
  databaseFile: string;
}

export interface ScenarioFailure {
  request: string;
  got: string;
  expected: string;
}

interface Response {
  status: number;
  headers: Headers;
  text: string;
  json?: unknown;
}

/** `{{name}}` replaced by the variable's value, in strings and (deeply) in objects and arrays. */
export function fillTemplates<T>(value: T, vars: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars.get(name) ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => fillTemplates(v, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplates(v, vars)])) as T;
  return value;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS)}…` : flat || '(empty body)';
}

function describe(response: Response): string {
  return `${response.status} ${response.headers.get('content-type') ?? '(no content-type)'}: ${quote(response.text)}`;
}

const typeOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** The value at a dotted path (`data.0.id`) of a JSON value. */
function at(value: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** Why the response does not meet the expectation, or undefined when it does. */
function unmet(expect: ResponseExpectation, response: Response, vars: ReadonlyMap<string, string>): string | undefined {
  if (expect.status && !expect.status.includes(response.status)) return `status ${expect.status.join(' or ')}`;
  const needsJson = expect.json || expect.array || expect.fields || expect.equals || expect.items !== undefined || expect.maxItems !== undefined;
  if (needsJson) {
    if (!/application\/(?:[\w.+-]+\+)?json/.test(response.headers.get('content-type') ?? '')) return 'a JSON response (content-type application/json)';
    if (response.json === undefined) return 'a body that parses as JSON';
  }
  const body = response.json;
  if (expect.array || expect.items !== undefined || expect.maxItems !== undefined) {
    if (!Array.isArray(body)) return 'a JSON array';
    if (expect.items !== undefined && body.length !== expect.items) return `exactly ${expect.items} item${expect.items === 1 ? '' : 's'}`;
    if (expect.maxItems !== undefined && body.length > expect.maxItems) return `at most ${expect.maxItems} item${expect.maxItems === 1 ? '' : 's'}`;
  }
  for (const [field, type] of Object.entries(expect.fields ?? {})) {
    const value = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined;
    if (typeOf(value) !== type) return `a JSON object with a field "${field}" of type ${type}`;
  }
  for (const [field, wanted] of Object.entries(fillTemplates(expect.equals ?? {}, vars))) {
    const actual = at(body, field);
    // a saved id fills a template as text: "7" stands for 7
    const same = JSON.stringify(actual) === JSON.stringify(wanted) || (typeof actual === 'number' && String(actual) === wanted);
    if (!same) return `"${field}" to be ${JSON.stringify(wanted)}`;
  }
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const value = response.headers.get(name);
    if (pattern === false) {
      if (value !== null) return `no ${name} header (it tells attackers what runs the server)`;
    } else if (value === null || !new RegExp(pattern, 'i').test(value)) {
      return value === null ? `a ${name} header` : `a ${name} header matching /${pattern}/`;
    }
  }
  for (const secret of fillTemplates(expect.bodyLacks ?? [], vars)) {
    if (response.text.includes(secret)) return `a body without ${JSON.stringify(secret)}`;
  }
  return undefined;
}

async function send(baseUrl: string, step: ScenarioStep, vars: ReadonlyMap<string, string>): Promise<{ label: string; response?: Response; error?: string }> {
  const method = (step.method ?? 'GET').toUpperCase();
  const url = fillTemplates(step.path ?? '/', vars);
  const headers: Record<string, string> = fillTemplates(step.headers ?? {}, vars);
  let body: string | undefined;
  if (step.oversizedBody !== undefined) {
    body = JSON.stringify({ title: 'large', body: 'x'.repeat(step.oversizedBody) });
    headers['content-type'] = 'application/json';
  } else if (step.rawBody !== undefined) {
    body = step.rawBody;
    headers['content-type'] = step.contentType ?? 'application/json';
  } else if (step.body !== undefined) {
    body = JSON.stringify(fillTemplates(step.body, vars));
    headers['content-type'] = 'application/json';
  }
  const shown = body === undefined ? '' : step.oversizedBody ? ` with a JSON body of ${body.length} bytes` : ` with body ${quote(body)}`;
  const who = step.as ? ` (as ${step.as})` : headers.authorization ? ' (with a bearer token)' : '';
  const label = `${method} ${url}${shown}${who}`;
  try {
    const res = await fetch(new URL(url, baseUrl), { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_CAP_MS) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { label, response: { status: res.status, headers: res.headers, text, json } };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${REQUEST_CAP_MS / 1000} s (does every path of the handler send a response?)` : `the request failed (${cause ?? (error as Error).message}): did the app crash?`;
    return { label, error: why };
  }
}

/** Runs a scenario's steps in order; resolves to the first failure, or undefined when every step met its expectation. */
export async function runScenario(steps: readonly ScenarioStep[], host: ScenarioHost, vars: Map<string, string>): Promise<ScenarioFailure | undefined> {
  for (const step of steps) {
    if (step.restart) {
      const failed = await host.restart();
      if (failed) return { request: 'restarting the app on the same database file', got: failed, expected: 'the app to start again with its data (migrations already applied must not run again)' };
      continue;
    }
    if (step.databaseLacks !== undefined) {
      const secret = fillTemplates(step.databaseLacks, vars);
      let stored = '';
      try {
        stored = fs.readFileSync(host.databaseFile).toString('latin1');
      } catch {
        // no file: nothing stored in it
      }
      if (secret && stored.includes(secret)) return { request: 'reading the database file', got: 'the password as it was sent', expected: 'only a salted hash of the password in the database' };
      continue;
    }
    const { label, response, error } = await send(host.baseUrl(), step, vars);
    if (!response) return { request: label, got: error ?? 'no response', expected: describeExpectation(step.expect) };
    const missing = step.expect ? unmet(step.expect, response, vars) : undefined;
    if (missing) return { request: label, got: describe(response), expected: missing };
    for (const [name, dotted] of Object.entries(step.save ?? {})) {
      const value = at(response.json, dotted);
      if (value === undefined || value === null) return { request: label, got: describe(response), expected: `a "${dotted}" field in the JSON body` };
      vars.set(name, String(value));
    }
  }
  return undefined;
}

function describeExpectation(expect: ResponseExpectation | undefined): string {
  return expect?.status ? `a response with status ${expect.status.join(' or ')}` : 'a response';
}
