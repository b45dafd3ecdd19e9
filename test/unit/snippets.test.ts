import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser, type Node, type Tree } from '@vscode/tree-sitter-wasm';
import { analyze } from '../../src/engine/analyze';
import { guideChapterPath, guideHeadings, parseGuideAnchor } from '../../src/engine/guide';
import { isLanguageId } from '../../src/engine/languages';
import { defaultWasmDir, sharedGrammars } from '../../src/engine/parser';
import { allRules } from '../../src/engine/registry';
import { expandSnippet, KNOWN_SNIPPET_VARIABLES, outlineSnippet } from '../../src/engine/snippet-expand';
import type { LanguageId } from '../../src/engine/types';
import { checkIgnoreFile, checkNginx } from './snippets/config-checks';
import { checkDockerfile } from './snippets/dockerfile-check';
import { guideAnchorOf, loadSnippetLibrary, NODE_VARIANTS_FILE, type LibrarySnippet } from './snippets/library';
import { checkSql } from './snippets/sql-check';

const library = loadSnippetLibrary();
const MIN_SNIPPETS = 60;
const JS_FAMILY = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
/** Languages VS Code itself defines; contributing snippets to any other language id makes VS Code reject the file. */
const BUILT_IN_LANGUAGES = new Set([...JS_FAMILY, 'python', 'php', 'java', 'ruby', 'sql', 'dockerfile', 'ignore', 'properties', 'plaintext', 'yaml', 'shellscript']);
const FILE_NAME_OF: Readonly<Record<LanguageId, string>> = {
  javascript: 'snippet.js', javascriptreact: 'snippet.jsx', typescript: 'snippet.ts', typescriptreact: 'snippet.tsx', python: 'snippet.py', php: 'snippet.php', java: 'Snippet.java', ruby: 'snippet.rb',
};
/** PHP snippets go inside `<?php ... ?>`: without the opening tag the PHP grammar reads the text as HTML. */
const CODE_PREFIX_OF: Readonly<Partial<Record<LanguageId, string>>> = { php: '<?php\n' };
/** A quoted SQL statement in driver code with `= $1`, `< $2`, `LIMIT $3` whose dollar is not escaped. */
const SQL_PARAMETER_UNESCAPED = /['"`]\s*(?:SELECT|INSERT|UPDATE|DELETE)\b.*(?:[=<>]|\bLIMIT|\bOFFSET)\s*(?<!\\)\$\d/;

let bashParser: Promise<Parser> | undefined;
/** tree-sitter-bash, for the shell commands in Dockerfiles; the shared grammars initialise the runtime first. */
function shellParser(): Promise<Parser> {
  bashParser ??= sharedGrammars().parserFor('javascript').then(async () => {
    const bash = await Language.load(fs.readFileSync(path.join(defaultWasmDir(), 'tree-sitter-bash.wasm')));
    return new Parser().setLanguage(bash);
  });
  return bashParser;
}

function firstError(tree: Tree): Node | undefined {
  const visit = (node: Node): Node | undefined => {
    if (node.isError || node.isMissing) return node;
    for (const child of node.children) {
      const found = child && (child.hasError || child.isMissing) ? visit(child) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return tree.rootNode.hasError ? visit(tree.rootNode) ?? tree.rootNode : undefined;
}

function describeError(text: string, node: Node): string {
  const line = node.startPosition.row;
  return `${node.isMissing ? `missing ${node.type}` : 'syntax error'} at line ${line + 1}, column ${node.startPosition.column + 1}: ${text.split('\n')[line]}`;
}

async function treeSitterProblem(text: string, languageId: LanguageId): Promise<string | undefined> {
  const tree = (await sharedGrammars().parserFor(languageId)).parse(text);
  if (!tree) return 'the parser gave no tree';
  try {
    const error = firstError(tree);
    return error ? describeError(text, error) : undefined;
  } finally {
    tree.delete();
  }
}

async function shellProblem(parser: Parser, command: string): Promise<string | undefined> {
  const tree = parser.parse(command);
  if (!tree) return 'the shell parser gave no tree';
  try {
    const error = firstError(tree);
    return error ? describeError(command, error) : undefined;
  } finally {
    tree.delete();
  }
}

/** Syntax problems of an expanded body in each language it is offered in. */
async function syntaxProblems(snippet: LibrarySnippet, text: string): Promise<string[]> {
  const problems: string[] = [];
  for (const languageId of snippet.languages) {
    if (isLanguageId(languageId)) {
      const problem = await treeSitterProblem((CODE_PREFIX_OF[languageId] ?? '') + text, languageId);
      if (problem) problems.push(`${languageId}: ${problem}`);
    } else if (languageId === 'sql') {
      problems.push(...checkSql(text));
    } else if (languageId === 'dockerfile') {
      const parser = await shellParser();
      const { problems: found, shellCommands } = checkDockerfile(text);
      problems.push(...found);
      for (const { line, command } of shellCommands) {
        const problem = await shellProblem(parser, command);
        if (problem) problems.push(`line ${line}: shell command: ${problem}`);
      }
    } else if (languageId === 'ignore') {
      problems.push(...checkIgnoreFile(text));
    } else if (languageId === 'nginx') {
      problems.push(...checkNginx(text));
    } else if (languageId === 'properties' && snippet.languages.includes('nginx')) {
      continue;
    } else {
      problems.push(`no syntax check is defined for language '${languageId}'`);
    }
  }
  return problems;
}

const guideChapters = new Map<string, string[] | undefined>();
function guideSections(chapter: string): string[] | undefined {
  if (!guideChapters.has(chapter)) {
    const file = path.join(library.root, guideChapterPath(chapter));
    guideChapters.set(chapter, fs.existsSync(file) ? guideHeadings(fs.readFileSync(file, 'utf8')).map((h) => h.slug) : undefined);
  }
  return guideChapters.get(chapter);
}

describe('snippet library', () => {
  before(async function () {
    this.timeout(60_000);
    for (const languageId of ['javascript', 'typescript', 'typescriptreact', 'python'] as const) await sharedGrammars().parserFor(languageId);
    await shellParser();
  });

  describe('package.json contributions', () => {
    it('contributes every snippet file, and every contributed file exists', () => {
      const contributed = new Set(library.contributions.map((c) => c.path.replace(/^\.\//, '')));
      for (const file of library.files) assert.ok(contributed.has(file.file), `${file.file} is not listed in package.json contributes.snippets`);
      for (const contribution of library.contributions) {
        assert.ok(fs.existsSync(path.join(library.root, contribution.path)), `contributes.snippets names a missing file: ${contribution.path}`);
      }
    });

    it('contributes to languages VS Code knows, and gives every .code-snippets snippet a scope', () => {
      for (const contribution of library.contributions) {
        if (contribution.language === undefined) {
          assert.ok(contribution.path.endsWith('.code-snippets'), `${contribution.path}: only a .code-snippets file may omit the language`);
        } else {
          assert.ok(BUILT_IN_LANGUAGES.has(contribution.language), `${contribution.path}: '${contribution.language}' is not a built-in language; VS Code would reject the file`);
        }
      }
      for (const snippet of library.snippets) assert.ok(snippet.languages.length > 0, `${snippet.file} › ${snippet.name}: offered in no language (give the file a language or the snippet a scope)`);
    });

    it('leaves JavaScript and TypeScript to the completion provider, so no bg- item is offered twice', () => {
      const staticForJs = library.contributions.filter((c) => c.language !== undefined && JS_FAMILY.includes(c.language));
      assert.deepStrictEqual(staticForJs, [], 'contributes.snippets also offers snippets in a JavaScript/TypeScript language');
      const forms = new Set(library.nodeSnippets.map((s) => s.form));
      assert.deepStrictEqual([...forms].sort(), ['commonjs', 'esm', 'typescript']);
    });

    it(`holds at least ${MIN_SNIPPETS} snippets`, () => {
      assert.ok(library.snippets.length >= MIN_SNIPPETS, `only ${library.snippets.length} snippets`);
    });

    it('uses bg- prefixes that are unique in every language', () => {
      const owners = new Map<string, string>();
      for (const snippet of library.snippets) {
        for (const prefix of snippet.prefixes) {
          for (const language of snippet.languages) {
            // The CommonJS and ES module forms share their languages: the provider inserts one or the other.
            const key = `${language} ${snippet.form ?? ''} ${prefix}`;
            const owner = owners.get(key);
            assert.ok(!owner, `prefix ${prefix} is used twice in ${language}: by ${owner} and by ${snippet.file} › ${snippet.name}`);
            owners.set(key, `${snippet.file} › ${snippet.name}`);
          }
        }
      }
    });

    it('keeps the catalogue page walkthroughs/guide/snippets.md up to date', () => {
      const script = path.join(library.root, 'scripts', 'generate-snippet-catalogue.mjs');
      const expected = execFileSync(process.execPath, [script, '--stdout'], { cwd: library.root, encoding: 'utf8' });
      const page = path.join(library.root, 'walkthroughs', 'guide', 'snippets.md');
      const committed = fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : '';
      assert.ok(committed === expected, 'walkthroughs/guide/snippets.md is out of date: run `node scripts/generate-snippet-catalogue.mjs`');
    });
  });

  for (const file of library.files) {
    describe(file.file, () => {
      it('is a JSON object of snippets', () => {
        assert.strictEqual(file.error, undefined, `${file.file}: ${file.error}`);
        assert.ok(file.snippets.length > 0, `${file.file} holds no snippet`);
      });

      for (const snippet of file.snippets) describeSnippet(snippet);
    });
  }

  describe(NODE_VARIANTS_FILE, () => {
    for (const snippet of library.nodeSnippets) describeSnippet(snippet);
  });
});

/** The checks every snippet (every form of a JavaScript/TypeScript one) must pass. */
function describeSnippet(snippet: LibrarySnippet): void {
  const text = expandSnippet(snippet.body);
  describe(snippet.name, () => {
    it('has a bg- prefix, a body and a description that names its guide section', () => {
      const { raw } = snippet;
      assert.ok(snippet.prefixes.length > 0 && snippet.prefixes.every((p) => /^bg-[a-z0-9]+(-[a-z0-9]+)*$/.test(p)), `prefix must be bg-<lower-case-words>: ${JSON.stringify(raw.prefix)}`);
      assert.ok(Array.isArray(raw.body) || typeof raw.body === 'string', 'body must be a string or an array of lines');
      assert.ok(snippet.body.trim() !== '', 'empty body');
      const anchor = guideAnchorOf(snippet.description);
      assert.ok(anchor, `the description must end with "Guide: <chapter>#<section>": ${snippet.description}`);
      const what = snippet.description.slice(0, snippet.description.lastIndexOf('Guide:')).trim();
      assert.ok(what.length >= 30, `the description must say what the snippet does: ${snippet.description}`);
    });

    it('has tab stops with meaningful defaults, known variables and tab-indented lines', () => {
      const outline = outlineSnippet(snippet.body);
      assert.ok(outline.tabstops.length > 0, 'no tab stop');
      const numbered = outline.tabstops.filter((t) => t.index > 0);
      numbered.forEach((tabstop, i) => {
        assert.strictEqual(tabstop.index, i + 1, `tab stops must be numbered 1..n without gaps; found $${tabstop.index} after $${i}`);
        assert.ok(tabstop.hasDefault, `$${tabstop.index} has no placeholder text or choice anywhere: give it a meaningful default`);
        if (tabstop.choices) {
          assert.ok(tabstop.choices.length >= 2 && new Set(tabstop.choices).size === tabstop.choices.length, `$${tabstop.index}: a choice needs two or more distinct options`);
        }
      });
      const unknown = outline.variables.filter((name) => !KNOWN_SNIPPET_VARIABLES.has(name));
      assert.deepStrictEqual(unknown, [], `unknown snippet variables ${unknown.map((n) => '$' + n).join(', ')}: escape a literal dollar as \\$`);
      snippet.body.split('\n').forEach((line, i) => {
        // One space before the * of a JSDoc block's inner line is alignment, not indentation.
        assert.ok(!/^ +\S/.test(line) || /^ \*( |\/|$)/.test(line), `line ${i + 1} is indented with spaces; use \\t, which VS Code turns into the user's indentation`);
        if (!snippet.languages.includes('sql')) {
          assert.ok(!SQL_PARAMETER_UNESCAPED.test(line), `line ${i + 1}: a SQL parameter $n must be written \\$n, or it becomes a tab stop: ${line}`);
        }
      });
      assert.ok(!/\$\{\d+[:|}]/.test(text), 'the expanded text still holds a ${n...} tab stop: an unclosed placeholder?');
    });

    it(`parses in ${snippet.languages.join(', ')} with its default values`, async () => {
      assert.deepStrictEqual(await syntaxProblems(snippet, text), [], `expanded text:\n${text}`);
    });

    const analysed = snippet.languages.filter(isLanguageId);
    if (analysed.length > 0) {
      it('is secure by default: no finding from our rules', async () => {
        for (const languageId of analysed) {
          const result = await analyze((CODE_PREFIX_OF[languageId] ?? '') + text, { languageId, fileName: FILE_NAME_OF[languageId], rules: allRules() });
          assert.strictEqual(result.skipped, undefined, `${languageId}: not analysed: ${result.skipped}`);
          const findings = result.findings.map((f) => `${f.ruleId} at line ${f.range.start.line + 1}: ${f.message}`);
          assert.deepStrictEqual(findings, [], `${languageId}: findings in the expanded text`);
        }
      });
    }

    it('links to a guide section that exists', () => {
      const anchor = guideAnchorOf(snippet.description);
      const parsed = anchor ? parseGuideAnchor(anchor) : undefined;
      assert.ok(parsed?.section, `no "Guide: <chapter>#<section>" in: ${snippet.description}`);
      const sections = guideSections(parsed.chapter);
      assert.ok(sections, `${guideChapterPath(parsed.chapter)} does not exist`);
      assert.ok(sections.includes(parsed.section), `${guideChapterPath(parsed.chapter)} has no section '${parsed.section}' (it has: ${sections.join(', ')})`);
    });
  });
}
