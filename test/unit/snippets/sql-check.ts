import { format, type SqlLanguage } from 'sql-formatter';

/**
 * There is no SQL grammar in @vscode/tree-sitter-wasm, so SQL snippets get two checks instead:
 * a tokenizer of our own (strings, quoted identifiers, comments, dollar quoting, parentheses, statement ends)
 * and sql-formatter, whose parser rejects what it cannot read in a given dialect.
 */

const STATEMENT_KEYWORDS = new Set([
  'ALTER', 'BEGIN', 'COMMIT', 'CREATE', 'DEALLOCATE', 'DELETE', 'DROP', 'EXECUTE', 'INSERT', 'PREPARE',
  'RELEASE', 'ROLLBACK', 'SAVEPOINT', 'SELECT', 'SET', 'START', 'UPDATE', 'WITH',
]);

const DIALECTS: readonly SqlLanguage[] = ['postgresql', 'mysql', 'sqlite'];

interface Statement {
  firstWord: string;
  line: number;
}

/** Splits SQL into statements, reporting unterminated strings and comments and unbalanced parentheses. */
export function splitSqlStatements(sql: string): { statements: Statement[]; problems: string[] } {
  const problems: string[] = [];
  const statements: Statement[] = [];
  let depth = 0;
  let firstWord = '';
  let firstLine = 0;
  let line = 1;
  let i = 0;
  const skipTo = (end: string, what: string): void => {
    const at = sql.indexOf(end, i);
    if (at < 0) {
      problems.push(`unterminated ${what} starting on line ${line}`);
      i = sql.length;
      return;
    }
    line += sql.slice(i, at + end.length).split('\n').length - 1;
    i = at + end.length;
  };
  while (i < sql.length) {
    const ch = sql[i];
    const rest = sql.slice(i);
    if (ch === '\n') { line++; i++; continue; }
    if (/\s/.test(ch)) { i++; continue; }
    if (rest.startsWith('--')) { const end = sql.indexOf('\n', i); i = end < 0 ? sql.length : end; continue; }
    if (rest.startsWith('/*')) { i += 2; skipTo('*/', 'block comment'); continue; }
    if (!firstWord) firstLine = line;
    if (ch === "'") {
      // '' inside a string is an escaped quote: skipping to the next quote twice handles it.
      i++;
      skipTo("'", 'string');
      while (sql[i] === "'") { i++; skipTo("'", 'string'); }
      firstWord ||= "'";
      continue;
    }
    if (ch === '"' || ch === '`') { i++; skipTo(ch, 'quoted identifier'); firstWord ||= ch; continue; }
    const dollarTag = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollarTag) { i += dollarTag[0].length; skipTo(dollarTag[0], 'dollar-quoted string'); firstWord ||= '$'; continue; }
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) { problems.push(`unbalanced ')' on line ${line}`); depth = 0; }
    if (ch === ';') {
      if (!firstWord) problems.push(`empty statement on line ${line}`);
      else statements.push({ firstWord, line: firstLine });
      if (depth !== 0) problems.push(`unclosed '(' in the statement ending on line ${line}`);
      depth = 0;
      firstWord = '';
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) { firstWord ||= word[0].toUpperCase(); i += word[0].length; continue; }
    firstWord ||= ch;
    i++;
  }
  if (firstWord) problems.push(`the statement starting on line ${firstLine} does not end with ';'`);
  return { statements, problems };
}

/** Problems with a piece of SQL; empty when it reads as complete statements. */
export function checkSql(sql: string): string[] {
  const { statements, problems } = splitSqlStatements(sql);
  if (statements.length === 0 && problems.length === 0) problems.push('no SQL statement');
  for (const statement of statements) {
    if (!STATEMENT_KEYWORDS.has(statement.firstWord)) problems.push(`the statement on line ${statement.line} starts with '${statement.firstWord}', not a statement keyword`);
  }
  if (/\$\{|\$[A-Za-z_]/.test(sql.replace(/\$[A-Za-z_]*\$[\s\S]*?\$[A-Za-z_]*\$/g, ''))) problems.push('snippet syntax left in the SQL ($NAME or ${...})');
  const formatterErrors: string[] = [];
  for (const language of DIALECTS) {
    try {
      format(sql, { language });
      return problems;
    } catch (error) {
      formatterErrors.push(`${language}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
  }
  return [...problems, `sql-formatter cannot parse it in any dialect (${formatterErrors.join('; ')})`];
}
