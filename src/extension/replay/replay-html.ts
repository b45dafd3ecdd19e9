import type { AttackReplay, ReplayReport, ReplayRun } from '../../engine/replay/replay';
import { escapeHtml } from '../guide/render-markdown';

/**
 * The attack replay as HTML, in two views the learner switches between: the query as written (what the
 * database received and the rows that leaked) and with the fix (the same inputs bound as parameters).
 */

export type ReplayView = 'vulnerable' | 'fixed';

const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
const cell = (value: unknown): string => escapeHtml(value === null ? 'NULL' : String(value));

function rowsTable(run: ReplayRun, leaked: readonly unknown[][] = []): string {
  if (run.error) return `<p class="error">The database answered with an error: ${code(run.error)}</p>`;
  const result = run.result;
  if (!result || result.rows.length === 0) return '<p class="no-rows">No rows.</p>';
  const leakedKeys = new Set(leaked.map((row) => JSON.stringify(row)));
  const head = `<tr>${result.columns.map((c) => `<th>${cell(c)}</th>`).join('')}</tr>`;
  const body = result.rows.map((row) => `<tr${leakedKeys.has(JSON.stringify(row)) ? ' class="leaked"' : ''}>${row.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`).join('');
  return `<table class="rows">${head}${body}</table>`;
}

function received(run: ReplayRun): string {
  const bound = run.bound ? `<p>Values bound beside it: ${run.bound.map((v) => code(JSON.stringify(v))).join(', ')}</p>` : '';
  return `<p>The database received:</p><pre class="sql">${escapeHtml(run.sql)}</pre>${bound}`;
}

function attackVulnerable(a: AttackReplay): string {
  const count = a.leaked.length;
  const verdict = a.vulnerable.error
    ? '<p>This attack made the query fail here; an error page can still tell an attacker about the query ("error-based" injection).</p>'
    : `<p class="verdict ${count > 0 ? 'bad' : ''}">${count > 0 ? `${count} row${count === 1 ? '' : 's'} leaked that the honest input does not return (highlighted).` : 'No extra rows here.'}</p>`;
  return `<section class="attack"><h3>${escapeHtml(a.attack.title)}</h3><p>Input: ${code(a.attack.input)}</p><p>${escapeHtml(a.attack.explanation)}</p>${received(a.vulnerable)}${rowsTable(a.vulnerable, a.leaked)}${verdict}</section>`;
}

function attackFixed(a: AttackReplay): string {
  if (!a.fixed) return '';
  const rows = a.fixed.result?.rows.length ?? 0;
  const verdict = a.fixed.error ? '' : `<p class="verdict ${rows === 0 ? 'good' : ''}">${rows === 0 ? 'Nothing leaked: the whole input was compared as one value, quote and all, and no row holds that text.' : `${rows} row${rows === 1 ? '' : 's'} matched the input as a value.`}</p>`;
  return `<section class="attack"><h3>${escapeHtml(a.attack.title)}</h3><p>Input: ${code(a.attack.input)}</p>${received(a.fixed)}${rowsTable(a.fixed)}${verdict}</section>`;
}

export function replayBody(report: ReplayReport, where: string): string {
  const heading = `<h1>Replaying an SQL injection</h1><p class="where">${escapeHtml(where)}</p>`;
  const safety = '<p class="note">Everything here ran in an in-memory SQLite database (sql.js) made for this replay: nothing ran against your database, and nothing left this machine.</p>';
  if (report.kind === 'not-replayed') {
    const statement = report.statement ? `<p>With an attacker's input, the statement reads:</p><pre class="sql">${escapeHtml(report.statement)}</pre>` : '';
    const explanation = report.explanation ? `<p>${escapeHtml(report.explanation)}</p>` : '';
    return `${heading}<p class="reason" data-kind="not-replayed">${escapeHtml(report.reason)}</p>${statement}${explanation}${lessonLink()}`;
  }
  const origin = report.attacked.fromRequest ? 'request data' : 'a value of unknown origin';
  const intro = `<p>The query takes ${code(report.attacked.source)} (${origin}) ${report.slot === 'string' ? "inside a '...' string" : 'as a bare value'}. The replay types an honest value into it, then an attacker's.</p>`;
  const tabs = `<nav class="tabs" role="tablist"><button role="tab" data-view="vulnerable">As written (concatenated)</button><button role="tab" data-view="fixed"${report.fixedSql ? '' : ' disabled'}>With the fix (parameterized)</button></nav>`;
  const honest = `<section class="honest"><h2>For comparison, an honest input: ${code(report.honest.input)}</h2>${received(report.honest)}${rowsTable(report.honest)}</section>`;
  const vulnerable = `<div class="view" data-view="vulnerable">${leakSummary(report)}<h2>Attacks</h2>${report.attacks.map(attackVulnerable).join('')}${honest}</div>`;
  const fixedHonest = report.honestFixed ? `<section class="honest"><h2>The honest input still works: ${code(report.honestFixed.input)}</h2>${received(report.honestFixed)}${rowsTable(report.honestFixed)}</section>` : '';
  const fixed = report.fixedSql
    ? `<div class="view" data-view="fixed">${fixedSummary(report)}<p>The quick fix "Use a parameterized query" writes:</p><pre class="sql">${escapeHtml(report.fixedSql)}</pre><p>The SQL text no longer changes with the input; the driver sends the values beside it.</p><h2>The same attacks</h2>${report.attacks.map(attackFixed).join('')}${fixedHonest}</div>`
    : '<div class="view" data-view="fixed"><p>No parameterized form could be written for this query with certainty.</p></div>';
  const details = `<details><summary>How the replay database was set up</summary><pre class="sql">${escapeHtml(report.schema.join(';\n'))};</pre></details>`;
  const notes = report.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return `${heading}${intro}${tabs}${vulnerable}${fixed}${safety}${notes}${details}${lessonLink()}`;
}

type Replayed = Extract<ReplayReport, { kind: 'replayed' }>;
const rowCount = (run: ReplayRun | undefined): number => run?.result?.rows.length ?? 0;
const rows = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;

/** One line per attack: how many rows it returned against the honest input's. */
function leakSummary(report: Replayed): string {
  const lines = report.attacks.map((a) => (a.vulnerable.error
    ? `<li>${code(a.attack.input)} made the query fail.</li>`
    : `<li>${code(a.attack.input)} returned ${rows(rowCount(a.vulnerable))}, ${a.leaked.length} of them leaked.</li>`));
  const leaked = report.attacks.some((a) => a.leaked.length > 0);
  return `<div class="summary ${leaked ? 'bad' : ''}"><p>The honest input returns ${rows(rowCount(report.honest))}. As written:</p><ul>${lines.join('')}</ul></div>`;
}

function fixedSummary(report: Replayed): string {
  const safe = report.attacks.every((a) => a.fixed && !a.fixed.error && rowCount(a.fixed) === 0);
  const honest = report.honestFixed ? ` The honest input still returns ${rows(rowCount(report.honestFixed))}.` : '';
  return `<div class="summary ${safe ? 'good' : ''}"><p>${safe ? 'With the fix, the same attacks return no rows.' : 'With the fix, the attacks are compared as plain values.'}${honest}</p></div>`;
}

function lessonLink(): string {
  const href = `command:backendGuide.openGuide?${encodeURIComponent(JSON.stringify(['sql-injection#how-the-attack-works']))}`;
  return `<p class="lesson"><a href="${escapeHtml(href)}">Read the lesson: how the attack works</a></p>`;
}
