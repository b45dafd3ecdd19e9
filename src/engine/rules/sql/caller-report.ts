import type { Node } from '@vscode/tree-sitter-wasm';
import path = require('path');
import { memberChain } from '../../ast';
import type { RelatedSpec } from '../../rule';
import { parameterPart } from './call-sites';
import type { ProjectCalls, UnsafeCaller } from './project-calls';
import type { ScopeIndex } from './scope';

/** Callers named per finding, at most. */
const MAX_CALLERS = 3;

/** Where the unsafe values of a finding come from in other files: the calls that pass them. */
export interface CallerEvidence {
  readonly related: RelatedSpec[];
  /** The first call passing request data: the file it is in (relative to the root) and what it passes. */
  readonly request?: { readonly file: string; readonly passed: string };
}

/**
 * For unsafe values that are parameters (or properties of parameters) of a function other files call: the
 * calls that pass request data or values of unknown origin for them, as related locations, so that a finding
 * in a helper shows which caller makes it reachable.
 */
export function callerEvidence(calls: ProjectCalls | undefined, scopes: ScopeIndex, unsafe: readonly Node[], rootDir: string | undefined): CallerEvidence {
  if (!calls) return { related: [] };
  const found: UnsafeCaller[] = [];
  for (const node of unsafe) {
    const read = parameterRead(scopes, node);
    if (read) found.push(...calls.unsafeCallers(read.fn, read.part));
  }
  const ordered = [...found.filter((c) => c.origin === 'request'), ...found.filter((c) => c.origin !== 'request')].slice(0, MAX_CALLERS);
  const related = ordered.map((c): RelatedSpec => ({
    message: c.origin === 'request' ? `Called here with request data (\`${c.text ?? 'request data'}\`).` : 'Called here with a value of unknown origin.',
    fileName: c.fileName,
    range: c.range,
  }));
  const first = ordered[0];
  const request = first?.origin === 'request'
    ? { file: rootDir ? path.relative(rootDir, first.fileName).split(path.sep).join('/') : path.basename(first.fileName), passed: first.text ?? 'request data' }
    : undefined;
  return request ? { related, request } : { related };
}

/** `table` or `options.table` where `table`/`options` is a parameter: its function and the part read. */
function parameterRead(scopes: ScopeIndex, node: Node): { fn: Node; part: { index: number; path: string[] } } | undefined {
  const chain = memberChain(node);
  if (chain?.root.type !== 'identifier') return undefined;
  const { root: target, path: below } = chain;
  const binding = scopes.resolve(target)?.binding;
  const param = binding?.param;
  const part = binding && param && !param.arrayCallback ? parameterPart(scopes, binding) : undefined;
  return part && param ? { fn: param.fn, part: { index: param.index, path: [...part.path, ...below] } } : undefined;
}
