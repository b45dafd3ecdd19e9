import * as fs from 'fs';
import * as path from 'path';
import { snippetBodyText } from '../../../src/engine/snippet-expand';
import type { NodeSnippet, SnippetFormId } from '../../../src/extension/snippets/snippet-forms';

/** One entry of `contributes.snippets` in package.json. */
export interface SnippetContribution {
  language?: string;
  path: string;
}

export interface LibrarySnippet {
  /** Snippet file, relative to the repository root, with forward slashes. */
  file: string;
  /** The snippet's key in its file (what VS Code shows as its name). */
  name: string;
  prefixes: string[];
  body: string;
  description: string;
  /** Language ids the editor offers the snippet in. */
  languages: string[];
  /** The snippet object as written, for shape checks. */
  raw: Record<string, unknown>;
  /** For a JavaScript/TypeScript snippet: which of its derived forms this is. */
  form?: NodeSnippetForm;
}

export type NodeSnippetForm = SnippetFormId;
/** The languages the completion provider inserts each form of snippets/node/variants.json in. */
export const NODE_FORM_LANGUAGES: Readonly<Record<NodeSnippetForm, readonly string[]>> = {
  typescript: ['typescript', 'typescriptreact'],
  esm: ['javascript', 'javascriptreact'],
  commonjs: ['javascript', 'javascriptreact'],
};
export const NODE_VARIANTS_FILE = 'snippets/node/variants.json';
export const NODE_SOURCE_FILE = 'snippets/node/source.json';

export interface SnippetFile {
  file: string;
  /** Set when the file is missing or is not a JSON object. */
  error?: string;
  /** Languages the file is contributed for in package.json (empty for a `.code-snippets` file, which uses `scope`). */
  contributedLanguages: string[];
  snippets: LibrarySnippet[];
}

export interface SnippetLibrary {
  root: string;
  contributions: SnippetContribution[];
  files: SnippetFile[];
  /** The JavaScript/TypeScript snippets, one entry per form (offered by the completion provider, not the manifest). */
  nodeSnippets: LibrarySnippet[];
  /** Every snippet of every readable file, and every form of the JavaScript/TypeScript snippets. */
  snippets: LibrarySnippet[];
}

/** Every form of every snippet in snippets/node/variants.json, as library snippets. */
function loadNodeSnippets(root: string): LibrarySnippet[] {
  const variants = JSON.parse(fs.readFileSync(path.join(root, NODE_VARIANTS_FILE), 'utf8')) as Record<string, NodeSnippet>;
  return Object.entries(variants).flatMap(([name, variant]) => Object.entries(variant.forms).map(([form, lines]): LibrarySnippet => ({
    file: NODE_VARIANTS_FILE,
    name: `${name} (${form})`,
    prefixes: asStrings(variant.prefix) ?? [],
    body: snippetBodyText(lines),
    description: variant.description,
    languages: [...NODE_FORM_LANGUAGES[form as NodeSnippetForm]],
    raw: { prefix: variant.prefix, body: lines, description: variant.description },
    form: form as NodeSnippetForm,
  })));
}

export const SNIPPET_FOLDER = 'snippets';

export function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, SNIPPET_FOLDER))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root with a ${SNIPPET_FOLDER}/ folder above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

function normalise(file: string): string {
  return path.posix.normalize(file.replace(/\\/g, '/')).replace(/^\.\//, '');
}

function asStrings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

/** Reads `contributes.snippets` and every snippet file it names or that sits in `snippets/`. Never throws on bad files. */
export function loadSnippetLibrary(root = repositoryRoot()): SnippetLibrary {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes?: { snippets?: SnippetContribution[] } };
  const contributions = manifest.contributes?.snippets ?? [];
  const onDisk = fs.readdirSync(path.join(root, SNIPPET_FOLDER))
    .filter((name) => name.endsWith('.json') || name.endsWith('.code-snippets'))
    .map((name) => `${SNIPPET_FOLDER}/${name}`);
  const fileNames = [...new Set([...contributions.map((c) => normalise(c.path)), ...onDisk])].sort();
  const files = fileNames.map((file): SnippetFile => {
    const contributedLanguages = contributions.filter((c) => normalise(c.path) === file && c.language).map((c) => c.language as string);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    } catch (error) {
      return { file, contributedLanguages, snippets: [], error: error instanceof Error ? error.message : String(error) };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { file, contributedLanguages, snippets: [], error: 'the file is not a JSON object of snippets' };
    }
    const snippets = Object.entries(parsed as Record<string, unknown>).map(([name, value]): LibrarySnippet => {
      const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const body = asStrings(raw.body);
      const scope = typeof raw.scope === 'string' ? raw.scope.split(',').map((s) => s.trim()).filter(Boolean) : [];
      return {
        file,
        name,
        prefixes: asStrings(raw.prefix) ?? [],
        body: body ? snippetBodyText(body) : '',
        description: typeof raw.description === 'string' ? raw.description : '',
        languages: contributedLanguages.length > 0 ? contributedLanguages : scope,
        raw,
      };
    });
    return { file, contributedLanguages, snippets };
  });
  const nodeSnippets = loadNodeSnippets(root);
  return { root, contributions, files, nodeSnippets, snippets: [...files.flatMap((f) => f.snippets), ...nodeSnippets] };
}

/** `Guide: <chapter>#<section>` at the end of a snippet description. */
export const GUIDE_REFERENCE = /Guide: ([a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*)\.?$/;

export function guideAnchorOf(description: string): string | undefined {
  return GUIDE_REFERENCE.exec(description)?.[1];
}
