import type { AppGraph } from '../../project/app-graph';
import { escapeRegExp } from '../../text';
import { bindingsOf } from './next-delegation';

const MAX_HELPERS = 4;

/**
 * A handler's code with the code of the imported project functions it hands the request to
 * (`respondToMatchingRequest(HttpMethod.GET, req, res, data)`): a check, or a mock-mode gate, written in
 * such a helper is part of what the route does.
 */
export function withImportedHelpers(graph: AppGraph, file: string, code: string): string {
  const parts = [code];
  for (const imported of graph.set.files.get(file)?.imports ?? []) {
    if (parts.length > MAX_HELPERS) break;
    if (imported.name === '*' || imported.name === '=' || !bindingsOf(imported.text).includes(imported.name)) continue;
    const call = new RegExp(String.raw`\b${escapeRegExp(imported.name)}\s*(?:<[^()]*>\s*)?\([^)]{0,300}?\b(?:req|request|res|response)\b`);
    if (!call.test(code)) continue;
    const value = graph.resolver.resolveImported(file, imported.source, imported.name, []);
    const body = value.kind === 'function' && !value.path.length ? graph.set.files.get(value.file)?.functions[value.index]?.bodyText : undefined;
    if (body !== undefined) parts.push(body);
  }
  return parts.length > 1 ? parts.join('\n') : code;
}
