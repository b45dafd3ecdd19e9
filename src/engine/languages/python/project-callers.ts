import path = require('path');
import type { RuleContext } from '../../rule';
import { type PyForeignArgument, PythonCallers } from './callers';
import { originOfCode } from './local-origins';
import { type PyEval, UNKNOWN_VALUE, value } from './pieces';
import type { PyOriginCode } from './python-facts';

/** The analysed file, and the callers its functions have in the project's other files (`callers.ts`). */
export interface PyProjectCallers {
  readonly fileName: string;
  readonly callers: PythonCallers;
  /** A file's name as a message shows it (relative to the project's root). */
  relative(file: string): string;
}

/** The callers this file's functions have in the project, when the project was indexed with this file in it. */
export function projectCallers(context: RuleContext): PyProjectCallers | undefined {
  const project = context.project;
  if (!project?.files.has(context.fileName)) return undefined;
  const rootDir = project.rootDir;
  return {
    fileName: context.fileName,
    callers: project.memo('python-callers', () => new PythonCallers(project.files.values())),
    relative: (file) => (rootDir ? path.relative(rootDir, file).split(path.sep).join('/') : path.basename(file)),
  };
}

const DESCRIBED: Readonly<Record<PyOriginCode, string>> = {
  c: 'a constant', s: 'data read from the database or the configuration', r: 'request data', u: 'a value of unknown origin', k: 'keyword names',
};

/**
 * What one call in another file passes, as an evaluation: its value's origin, or with `items` the origin of
 * what iterating it gives (a dict's keys). `fallback`: the parameter's default, for a call that leaves it out.
 */
export function foreignValue(project: PyProjectCallers, call: PyForeignArgument, param: string, items: boolean, fallback: () => PyEval): PyEval {
  const where = `${project.relative(call.file)}:${call.site.line + 1}`;
  if (call.spread) return UNKNOWN_VALUE(`${call.site.callee}(*args) in ${where}`);
  if (!call.arg) return fallback();
  const written = (items ? call.arg[1] : call.arg[0]) as PyOriginCode;
  // keys taken from the calling function's `**kwargs`: the keyword names its own callers write
  const code = written === 'k' ? (call.site.from ? project.callers.keywordNamesOrigin(call.file, call.site.from) : 'u') : written;
  const keywords = written === 'k' ? `keyword names of the calls of ${call.site.from?.name ?? 'its function'}: ` : '';
  return value(originOfCode(code), `${items ? 'the keys or items of ' : ''}what ${where} passes for ${param} (${keywords}${DESCRIBED[code]})`);
}
