import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderVariants } from '../../scripts/snippet-variants/generate';
import type { SourceSnippet } from '../../scripts/snippet-variants/derive';
import { expandSnippet } from '../../src/engine/snippet-expand';
import { loadSnippetLibrary, NODE_SOURCE_FILE, NODE_VARIANTS_FILE, type NodeSnippetForm } from './snippets/library';
import { typeCheckSnippets, type CheckedFile, type TypeProblem } from './snippets/type-check';

const library = loadSnippetLibrary();
const source = JSON.parse(fs.readFileSync(path.join(library.root, NODE_SOURCE_FILE), 'utf8')) as Record<string, SourceSnippet>;
/** Each form is checked as a file of each module system it is inserted in (TypeScript has both, and TSX). */
const EXTENSIONS: Readonly<Record<NodeSnippetForm, readonly string[]>> = { typescript: ['mts', 'cts', 'tsx'], esm: ['mjs'], commonjs: ['cjs'] };

const checkedFiles: CheckedFile[] = library.nodeSnippets.flatMap((snippet) => {
  const sourceName = snippet.name.slice(0, snippet.name.lastIndexOf(' ('));
  return EXTENSIONS[snippet.form!].map((extension) => ({
    name: `${snippet.prefixes[0]}.${extension}`,
    text: expandSnippet(snippet.body),
    assumes: source[sourceName]?.assumes,
  }));
});

/** Code that compiled against older packages and must not against the installed ones: proof that the check bites. */
const KNOWN_BROKEN: CheckedFile[] = [
  { name: 'broken-prisma6.mts', text: "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n" },
  { name: 'broken-argon2.mjs', text: "import * as argon2 from 'argon2';\nconst options = { type: argon2.argon2id, memoryCost: 19456 };\nexport const hash = (p) => argon2.hash(p, options);\n" },
  { name: 'broken-jwt.cts', text: "import jwt from 'jsonwebtoken';\nexport const roles = (t: string) => jwt.verify(t, 'k').roles;\n" },
  { name: 'broken-zod-deprecated.mts', text: "import { z } from 'zod';\nexport const email = z.string().email();\n" },
];

const describeProblems = (problems: readonly TypeProblem[]): string => problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n');

describe('JavaScript/TypeScript snippet forms', () => {
  let problems: Map<string, TypeProblem[]>;
  before(function () {
    this.timeout(120_000);
    problems = typeCheckSnippets(library.root, [...checkedFiles, ...KNOWN_BROKEN]);
  });

  it(`${NODE_VARIANTS_FILE} is derived from ${NODE_SOURCE_FILE} (run npm run snippets after editing the source)`, function () {
    this.timeout(60_000);
    const committed = fs.readFileSync(path.join(library.root, NODE_VARIANTS_FILE), 'utf8');
    assert.ok(committed === renderVariants(library.root), `${NODE_VARIANTS_FILE} is out of date: run npm run snippets`);
  });

  it('the type check reports code written for older package versions', () => {
    for (const broken of KNOWN_BROKEN) assert.ok((problems.get(broken.name) ?? []).length > 0, `${broken.name} type-checks, so the check cannot tell`);
  });

  describe('type-check in strict mode against the installed packages', () => {
    for (const file of checkedFiles) {
      it(file.name, () => {
        const found = problems.get(file.name) ?? [];
        assert.deepStrictEqual(found, [], `${describeProblems(found)}\n--- expanded text:\n${file.text}`);
      });
    }
  });

  describe('module syntax matches the form', () => {
    for (const snippet of library.nodeSnippets) {
      it(`${snippet.prefixes[0]} (${snippet.form})`, () => {
        const text = expandSnippet(snippet.body);
        const esmSyntax = /^\s*(import\s[^(]|export\s)/m.test(text);
        if (snippet.form === 'commonjs') {
          assert.ok(!esmSyntax, `import/export in the CommonJS form:\n${text}`);
        } else {
          assert.ok(!/\brequire\(/.test(text), `require() in an ES module form:\n${text}`);
        }
      });
    }
  });
});
