import type { SqlLanguage } from 'sql-formatter';
import { escapeForTemplate, type SqlSegment } from './parameterize';
import type { Quote } from './pieces';
import type { DriverId } from './sinks';

/** Writes rewritten SQL back as a JavaScript string literal, laid out by sql-formatter when it is long or spans lines. */

/** SQL longer than this on one line is laid out on several. */
const LONG_SQL = 100;

const LANGUAGE_OF: Readonly<Partial<Record<DriverId, SqlLanguage>>> = {
  mysql: 'mysql', pg: 'postgresql', 'pg-promise': 'postgresql', postgres: 'postgresql', prisma: 'postgresql',
  sqlite3: 'sqlite', 'better-sqlite3': 'sqlite', mssql: 'transactsql', oracledb: 'plsql',
};

export interface LiteralLayout {
  /** The quote the original text used, kept when the result fits on one line. */
  readonly quote: Quote;
  /** The original expression spanned several lines. */
  readonly spannedLines: boolean;
  /** Indentation of the line the literal starts on, and one level of indentation. */
  readonly indent: string;
  readonly indentUnit: string;
  readonly driver: DriverId;
  /** Placeholder prefixes the text uses, so the formatter keeps them whole. */
  readonly named: readonly string[];
  /** Write a tagged template body (Prisma) rather than a literal: no quotes added. */
  readonly bodyOnly?: boolean;
}

function escapeForQuote(text: string, quote: '"' | "'"): string {
  return text.replace(/\\/g, '\\\\').replace(quote === '"' ? /"/g : /'/g, `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const SENTINEL = (i: number): string => `bg_sub_${i}_`;

type SqlFormatter = typeof import('sql-formatter');

/** sql-formatter is loaded on first use: it is large, and only fixes for long SQL need it. */
function loadFormatter(): SqlFormatter | undefined {
  try {
    return require('sql-formatter') as SqlFormatter;
  } catch {
    return undefined;
  }
}

/** The SQL laid out by sql-formatter, or `undefined` when it cannot be done without changing more than whitespace. */
function formatted(segments: readonly SqlSegment[], layout: LiteralLayout): SqlSegment[] | undefined {
  const sql = segments.map((s, i) => ('text' in s ? s.text : SENTINEL(i))).join('');
  if (sql.includes('??')) return undefined;
  const formatter = loadFormatter();
  if (!formatter) return undefined;
  let output: string;
  try {
    output = formatter.format(sql, {
      language: LANGUAGE_OF[layout.driver] ?? 'sql',
      keywordCase: 'preserve',
      useTabs: layout.indentUnit === '\t',
      tabWidth: layout.indentUnit === '\t' ? 1 : layout.indentUnit.length || 2,
      paramTypes: layout.named.length > 0 ? { named: layout.named as (':' | '@')[], positional: true, numbered: ['$'] } : undefined,
    });
  } catch {
    return undefined;
  }
  if (output.replace(/\s+/g, '') !== sql.replace(/\s+/g, '')) return undefined;
  const result: SqlSegment[] = [];
  const pattern = /bg_sub_(\d+)_/g;
  let from = 0;
  for (const match of output.matchAll(pattern)) {
    const segment = segments[Number(match[1])];
    if (!segment || !('substitution' in segment)) return undefined;
    result.push({ text: output.slice(from, match.index) }, segment);
    from = match.index + match[0].length;
  }
  result.push({ text: output.slice(from) });
  return result;
}

/** The rewritten SQL as a JavaScript literal (or tagged-template body). */
export function sqlLiteral(segments: readonly SqlSegment[], layout: LiteralLayout): string {
  const flat = segments.map((s) => ('text' in s ? s.text : '${}')).join('');
  const long = flat.length > LONG_SQL || layout.spannedLines;
  const laidOut = long && !flat.includes('\n') ? formatted(segments, layout) : undefined;
  if (laidOut) {
    const inner = layout.indent + layout.indentUnit;
    const body = laidOut.map((s) => ('text' in s ? escapeForTemplate(s.text).replace(/\n/g, `\n${inner}`) : `\${${s.substitution}}`)).join('');
    const text = `\n${inner}${body}\n${layout.indent}`;
    return `\`${text}\``;
  }
  const needsTemplate = layout.bodyOnly || layout.quote === '`' || segments.some((s) => 'substitution' in s) || flat.includes('\n');
  if (needsTemplate) return `\`${segments.map((s) => ('text' in s ? escapeForTemplate(s.text) : `\${${s.substitution}}`)).join('')}\``;
  const quote = layout.quote as '"' | "'";
  return `${quote}${escapeForQuote(flat, quote)}${quote}`;
}
