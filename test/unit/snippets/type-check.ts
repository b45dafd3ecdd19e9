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
 * JavaScript is checked too (checkJs), and use of a deprecated API counts as a problem. Returns the problems
 * per file name.
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
    jsx: ts.JsxEmit.Preserve,
  };
  // A language service rather than a bare program: it also reports deprecated APIs (as suggestions).
  const service = ts.createLanguageService({
    getCompilationSettings: () => options,
    getScriptFileNames: () => [...virtual.keys()],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = virtual.get(name)?.text ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (name) => virtual.has(name) || ts.sys.fileExists(name),
    readFile: (name) => virtual.get(name)?.text ?? ts.sys.readFile(name),
    directoryExists: (name) => virtualDirs.has(name) || ts.sys.directoryExists(name),
    getDirectories: (name) => ts.sys.getDirectories(name),
    realpath: ts.sys.realpath,
  });
  const problems = new Map<string, TypeProblem[]>(files.map((file) => [file.name, []]));
  try {
    for (const [fileName, entry] of virtual) {
      const sourceFile = service.getProgram()?.getSourceFile(fileName);
      if (!sourceFile) continue;
      const deprecated = service.getSuggestionDiagnostics(fileName).filter((d) => d.reportsDeprecated);
      const diagnostics = [...service.getSyntacticDiagnostics(fileName), ...service.getSemanticDiagnostics(fileName), ...deprecated];
      for (const diagnostic of diagnostics) {
        const line = diagnostic.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line;
        const list = problems.get(entry.name) ?? [];
        list.push({ file: entry.name, line: line + 1 - entry.preludeLines, message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}` });
        problems.set(entry.name, list);
      }
    }
  } finally {
    service.dispose();
  }
  return problems;
}
