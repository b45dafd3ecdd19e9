import * as path from 'path';
import * as ts from 'typescript';

/** One file to type-check: a snippet form with every default accepted, as a module of its own. */
export interface CheckedFile {
  /** File name relative to the check folder; its extension sets the language and module system. */
  name: string;
  text: string;
  /** Names the snippet uses without declaring them, with their types (TypeScript type expressions). */
  assumes?: Readonly<Record<string, string>>;
}

export interface TypeProblem {
  file: string;
  line: number;
  message: string;
}

/** What the learner's project would hold around a snippet: its own modules that snippets import. */
const PROJECT_FILES: Readonly<Record<string, string>> = {
  'middleware/auth.ts': "import type { RequestHandler } from 'express';\nexport declare const requireAuth: RequestHandler;\n",
  'store.ts': 'export declare const items: any;\nexport declare const users: any;\n',
  // The shape `prisma generate` gives a PostgreSQL schema's client (Prisma 7 generates it into the project).
  'generated/prisma/client.ts': [
    'export declare class PrismaClient {',
    "  constructor(options: { adapter: { readonly provider: 'postgres'; connect(): Promise<unknown> } });",
    '  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;',
    "  $transaction<R>(work: (tx: Omit<PrismaClient, '$transaction' | '$queryRaw'>) => Promise<R>): Promise<R>;",
    '  user: any;',
    '  order: any;',
    '  product: any;',
    '}',
    '',
  ].join('\n'),
};

const isJavaScript = (name: string): boolean => /\.[cm]?js$/.test(name);

/** Declarations of the assumed names, in the file's language, and how many lines they take. */
function prelude(file: CheckedFile): string {
  return Object.entries(file.assumes ?? {}).map(([name, type]) => (isJavaScript(file.name)
    ? `/** @type {${type}} */ const ${name} = /** @type {any} */ (undefined);\n`
    : `declare const ${name}: ${type};\n`)).join('');
}

/**
 * Type-checks every file in one program, strict, against the packages installed under `root` (their own
 * type definitions or @types), with Node's module rules: .mts/.mjs are ES modules, .cts/.cjs CommonJS.
 * JavaScript is checked too (checkJs). Returns the problems per file name.
 */
export function typeCheckSnippets(root: string, files: readonly CheckedFile[]): Map<string, TypeProblem[]> {
  const folder = path.join(root, '.snippet-type-check');
  const virtual = new Map<string, { text: string; preludeLines: number; name: string }>();
  for (const [name, text] of Object.entries(PROJECT_FILES)) virtual.set(path.join(folder, name), { text, preludeLines: 0, name });
  for (const file of files) {
    const head = prelude(file);
    virtual.set(path.join(folder, file.name), { text: head + file.text, preludeLines: head.split('\n').length - 1, name: file.name });
  }
  const virtualDirs = new Set([...virtual.keys()].flatMap((file) => {
    const dirs: string[] = [];
    for (let dir = path.dirname(file); dir.startsWith(folder); dir = path.dirname(dir)) dirs.push(dir);
    return dirs;
  }));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
  };
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, directoryExists, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.text ?? readFile.call(host, name);
  host.directoryExists = (name) => virtualDirs.has(name) || (directoryExists ? directoryExists.call(host, name) : true);
  host.getSourceFile = (name, language, ...rest) => {
    const entry = virtual.get(name);
    return entry ? ts.createSourceFile(name, entry.text, language, true) : getSourceFile.call(host, name, language, ...rest);
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  const problems = new Map<string, TypeProblem[]>(files.map((file) => [file.name, []]));
  for (const [fileName, entry] of virtual) {
    const sourceFile = program.getSourceFile(fileName);
    if (!sourceFile) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    for (const diagnostic of diagnostics) {
      const line = diagnostic.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line;
      const list = problems.get(entry.name) ?? [];
      list.push({ file: entry.name, line: line + 1 - entry.preludeLines, message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}` });
      problems.set(entry.name, list);
    }
  }
  return problems;
}
