import { PathAutomaton } from './path-automaton';

/**
 * Ignore patterns (`**`, `*`, `?`, `{a,b}`), matched against `/`-separated paths relative to the workspace
 * root. A pattern without `/` matches a file or folder name at any depth, as in `.gitignore`; a pattern
 * matching a folder matches everything in it. Patterns come from a workspace's own files, so they are
 * compiled to automata that match in linear time, never to regular expressions.
 */

/** The index of the `}` closing the `{` at `open`, counting nested braces; -1 when there is none. */
function closingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The alternatives of a brace body, split at its top-level commas. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) { parts.push(body.slice(from, i)); from = i + 1; }
  }
  parts.push(body.slice(from));
  return parts;
}

/** Adds the glob's moves from state `from`; returns the state reached at its end. */
function addGlob(automaton: PathAutomaton, glob: string, from: number): number {
  let at = from;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders, none included; `**` elsewhere is anything
      const loop = automaton.addState();
      automaton.addEmpty(at, loop);
      automaton.addMove(loop, 'any-char', loop);
      if (glob[i + 2] === '/') {
        const end = automaton.addMove(loop, '/');
        automaton.addEmpty(at, end);
        at = end;
        i += 2;
      } else {
        at = loop;
        i += 1;
      }
    } else if (c === '*') {
      const loop = automaton.addState();
      automaton.addEmpty(at, loop);
      automaton.addMove(loop, 'segment-char', loop);
      at = loop;
    } else if (c === '?') {
      at = automaton.addMove(at, 'segment-char');
    } else if (c === '{' && closingBrace(glob, i) > 0) {
      const close = closingBrace(glob, i);
      const end = automaton.addState();
      for (const alternative of alternatives(glob.slice(i + 1, close))) automaton.addEmpty(addGlob(automaton, alternative, at), end);
      at = end;
      i = close;
    } else {
      at = automaton.addMove(at, c);
    }
  }
  return at;
}

/** One compiled ignore pattern. */
function globMatcher(glob: string): (path: string) => boolean {
  const trimmed = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const anywhere = !trimmed.includes('/');
  const automaton = new PathAutomaton();
  const accept = addGlob(automaton, anywhere ? trimmed : trimmed.replace(/^\//, ''), automaton.start);
  return (path) => automaton.matches(path, accept, { restartAfterSlash: anywhere, acceptBeforeSlash: true });
}

/** A test of relative paths (either separator) against every pattern, each compiled once. */
export function ignoreMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  if (!patterns.length) return () => false;
  const matchers = patterns.map(globMatcher);
  return (relativePath) => {
    const normalized = relativePath.split('\\').join('/');
    return matchers.some((matches) => matches(normalized));
  };
}
