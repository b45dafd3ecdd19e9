import type { AppGraph } from '../../project/app-graph';
import type { ImportFact } from '../../project/facts';
import { escapeRegExp } from '../../text';
import { bindingsOf } from './next-delegation';

const MAX_HELPERS = 4;

/** An import a handler may hand the request to: how a call of it passing the request reads, and its body once resolved. */
interface Candidate {
  readonly imported: ImportFact;
  readonly call: RegExp;
  body?: { text: string | undefined };
}

/**
 * A handler's code with the code of the imported project functions it hands the request to
 * (`respondToMatchingRequest(HttpMethod.GET, req, res, data)`): a check, or a mock-mode gate, written in
 * such a helper is part of what the route does. Each file's imports are read once for all its handlers.
 */
export class ImportedHelpers {
  private readonly byFile = new Map<string, Candidate[]>();

  constructor(private readonly graph: AppGraph) {}

  /** `code` (a handler of `file`) followed by the bodies of the imported helpers it calls with the request. */
  of(file: string, code: string): string {
    const parts = [code];
    for (const candidate of this.candidates(file)) {
      if (parts.length > MAX_HELPERS) break;
      if (!candidate.call.test(code)) continue;
      candidate.body ??= { text: this.bodyOf(file, candidate.imported) };
      if (candidate.body.text !== undefined) parts.push(candidate.body.text);
    }
    return parts.length > 1 ? parts.join('\n') : code;
  }

  /** The file's imports bound to a name of their own, each with the shape of a call of it that passes the request. */
  private candidates(file: string): Candidate[] {
    let found = this.byFile.get(file);
    if (!found) {
      found = (this.graph.set.files.get(file)?.imports ?? [])
        .filter((imported) => imported.name !== '*' && imported.name !== '=' && bindingsOf(imported.text).includes(imported.name))
        .map((imported) => ({ imported, call: new RegExp(String.raw`\b${escapeRegExp(imported.name)}\s*(?:<[^()]*>\s*)?\([^)]{0,300}?\b(?:req|request|res|response)\b`) }));
      this.byFile.set(file, found);
    }
    return found;
  }

  private bodyOf(file: string, imported: ImportFact): string | undefined {
    const value = this.graph.resolver.resolveImported(file, imported.source, imported.name, []);
    return value.kind === 'function' && !value.path.length ? this.graph.set.files.get(value.file)?.functions[value.index]?.bodyText : undefined;
  }
}
