/**
 * A small glob matcher for ignore patterns (`**`, `*`, `?`, `{a,b}`), matched against `/`-separated
 * paths relative to the workspace root. A pattern without `/` matches a file or folder name at any depth,
 * as in `.gitignore`.
 */
function globToRegExpSource(glob: string): string {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) { source += '\\{'; continue; }
      source += `(?:${glob.slice(i + 1, close).split(',').map(globToRegExpSource).join('|')})`;
      i = close;
    } else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return source;
}

export function globToRegExp(glob: string): RegExp {
  const trimmed = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const anchored = trimmed.includes('/') ? `^${globToRegExpSource(trimmed.replace(/^\//, ''))}` : `(?:^|/)${globToRegExpSource(trimmed)}`;
  return new RegExp(`${anchored}(?:/.*)?$`);
}

/** True when the relative path (or one of its folders) matches one of the patterns. */
export function matchesAnyGlob(relativePath: string, patterns: readonly string[]): boolean {
  const normalized = relativePath.split('\\').join('/');
  return patterns.some((p) => globToRegExp(p).test(normalized));
}
