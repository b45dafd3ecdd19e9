import * as path from 'path';
import * as ts from 'typescript';
import type { DefaultImportAccess } from './to-commonjs';

/**
 * Reads the installed type definitions to learn, for each package, what `require()` returns in place of an
 * ES default import: TypeScript's own rule (what `esModuleInterop` emits), so the CommonJS form of a snippet
 * type-checks against the same packages as its ES module form.
 */
export function defaultAccessFromTypes(root: string, specifiers: Iterable<string>): DefaultImportAccess {
  const packages = [...new Set(specifiers)].filter((s) => !s.startsWith('.') && !/__bg\d+__/.test(s)).sort();
  const probeFile = path.join(root, '__default_import_probe__.cts');
  const probeText = packages.map((specifier, i) => `import m${i} = require(${JSON.stringify(specifier)});`).join('\n');
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true, types: ['node'] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === probeFile ? probeText : readFile(file));
  host.fileExists = (file) => file === probeFile || fileExists(file);
  host.getSourceFile = (file, language, ...rest) => (file === probeFile ? ts.createSourceFile(file, probeText, language, true) : getSourceFile(file, language, ...rest));
  const program = ts.createProgram({ rootNames: [probeFile], options, host });
  const checker = program.getTypeChecker();
  const access = new Map<string, 'module' | 'default'>();
  for (const statement of program.getSourceFile(probeFile)?.statements ?? []) {
    if (!ts.isImportEqualsDeclaration(statement) || !ts.isExternalModuleReference(statement.moduleReference)) continue;
    const specifier = (statement.moduleReference.expression as ts.StringLiteral).text;
    const moduleSymbol = checker.getSymbolAtLocation(statement.moduleReference.expression);
    if (!moduleSymbol) throw new Error(`no type definitions found for '${specifier}': install it (or its @types package) as a dev dependency`);
    const exports = moduleSymbol.exports;
    access.set(specifier, !exports?.has('export=' as ts.__String) && exports?.has('default' as ts.__String) ? 'default' : 'module');
  }
  return (specifier) => access.get(specifier) ?? 'module';
}
