/**
 * Structural checks for the snippet languages that have no tree-sitter grammar here besides SQL and
 * Dockerfiles: Nginx configuration and ignore files (.dockerignore).
 */

/** Directives the snippets may use; a typo or an invented directive is reported. */
const NGINX_DIRECTIVES = new Set([
  'add_header', 'client_max_body_size', 'gzip', 'http2', 'keepalive', 'keepalive_timeout', 'limit_req', 'limit_req_zone',
  'listen', 'location', 'proxy_buffering', 'proxy_connect_timeout', 'proxy_http_version', 'proxy_pass',
  'proxy_read_timeout', 'proxy_redirect', 'proxy_send_timeout', 'proxy_set_header', 'return', 'root', 'server',
  'server_name', 'server_tokens', 'ssl_certificate', 'ssl_certificate_key', 'ssl_ciphers', 'ssl_prefer_server_ciphers',
  'ssl_protocols', 'ssl_session_cache', 'ssl_session_timeout', 'upstream',
]);
const NGINX_BLOCKS = new Set(['server', 'location', 'upstream', 'http', 'events', 'map', 'if']);

/** Whether a directive opens a block where it stands: `server` inside `upstream` names a backend instead. */
function opensBlock(name: string, parent: string | undefined): boolean {
  return NGINX_BLOCKS.has(name) && !(name === 'server' && parent === 'upstream');
}

type NginxToken = { kind: 'word' | '{' | '}' | ';'; text: string; line: number };

function nginxTokens(text: string, problems: string[]): NginxToken[] {
  const tokens: NginxToken[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') { line++; i++; continue; }
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '#') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (ch === '{' || ch === '}' || ch === ';') { tokens.push({ kind: ch, text: ch, line }); i++; continue; }
    let word = '';
    const start = line;
    while (i < text.length && !/[\s{};#]/.test(text[i])) {
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const end = text.indexOf(quote, i + 1);
        if (end < 0) { problems.push(`unterminated string on line ${line}`); return tokens; }
        word += text.slice(i, end + 1);
        line += text.slice(i, end).split('\n').length - 1;
        i = end + 1;
      } else {
        word += text[i++];
      }
    }
    tokens.push({ kind: 'word', text: word, line: start });
  }
  return tokens;
}

/** Problems with an Nginx configuration fragment: unknown directives, unterminated statements, unbalanced blocks. */
export function checkNginx(text: string): string[] {
  const problems: string[] = [];
  const tokens = nginxTokens(text, problems);
  const open: { name: string; line: number }[] = [];
  let statement: NginxToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'word') {
      if (statement.length === 0 && !NGINX_DIRECTIVES.has(token.text)) problems.push(`line ${token.line}: unknown directive '${token.text}'`);
      if (/\$\{|\$\d/.test(token.text)) problems.push(`line ${token.line}: snippet syntax left in '${token.text}'`);
      statement.push(token);
    } else if (token.kind === ';') {
      if (statement.length === 0) problems.push(`line ${token.line}: empty statement`);
      else if (opensBlock(statement[0].text, open[open.length - 1]?.name)) problems.push(`line ${token.line}: '${statement[0].text}' needs a { block }`);
      statement = [];
    } else if (token.kind === '{') {
      const name = statement[0]?.text ?? '';
      if (!opensBlock(name, open[open.length - 1]?.name)) problems.push(`line ${token.line}: '{' does not follow a block directive`);
      open.push({ name, line: token.line });
      statement = [];
    } else {
      if (statement.length > 0) problems.push(`line ${statement[0].line}: '${statement[0].text}' does not end with ';'`);
      if (!open.pop()) problems.push(`line ${token.line}: '}' without a matching '{'`);
      statement = [];
    }
  }
  if (statement.length > 0) problems.push(`line ${statement[0].line}: '${statement[0].text}' does not end with ';'`);
  for (const block of open) problems.push(`line ${block.line}: '${block.name} {' is never closed`);
  if (tokens.length === 0) problems.push('no directive');
  return problems;
}

/** Problems with an ignore file (.gitignore/.dockerignore syntax): one pattern per line, `#` comments. */
export function checkIgnoreFile(text: string): string[] {
  const problems: string[] = [];
  const patterns: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    if (line !== line.trim()) problems.push(`line ${index + 1}: leading or trailing whitespace changes the pattern`);
    if (line.trim() === '!') problems.push(`line ${index + 1}: '!' without a pattern`);
    if (/\$\{|\$\d/.test(line)) problems.push(`line ${index + 1}: snippet syntax left in '${line}'`);
    patterns.push(line.trim());
  });
  if (patterns.length === 0) problems.push('no pattern');
  return problems;
}
