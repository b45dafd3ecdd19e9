#!/usr/bin/env node
// Writes walkthroughs/guide/snippets.md, the catalogue of the snippet library, from package.json
// `contributes.snippets` and the snippet files it names, and from snippets/node/variants.json, the forms of the
// JavaScript/TypeScript snippets that the completion provider inserts (examples are expanded with the compiled
// engine: run `npm run compile-tests` first, or `npm run snippets`, which does both).
//   node scripts/generate-snippet-catalogue.mjs           write the page
//   node scripts/generate-snippet-catalogue.mjs --stdout  print it instead
//   node scripts/generate-snippet-catalogue.mjs --check   exit 1 when the committed page is out of date
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGE = 'walkthroughs/guide/snippets.md';
const NODE_VARIANTS = 'snippets/node/variants.json';
/** Snippets shown in every form at the end of the page. */
const FORM_EXAMPLES = ['bg-helmet', 'bg-require-role'];
const FORM_NAMES = new Map([['commonjs', 'JavaScript, CommonJS'], ['esm', 'JavaScript, ES module'], ['typescript', 'TypeScript']]);

/** Topics in reading order: one per guide chapter, as the descriptions' `Guide:` links name them. */
const CHAPTER_TITLES = new Map([
  ['server-side-logic', 'Server-side logic'],
  ['apis', 'APIs'],
  ['auth', 'Authentication and authorization'],
  ['security', 'Security'],
  ['security-headers', 'HTTP security headers'],
  ['sql-injection', 'SQL injection'],
  ['databases', 'Databases'],
  ['tools-and-deployment', 'Tools and deployment'],
]);

const LANGUAGE_NAMES = new Map([
  ['javascript', 'JavaScript'],
  ['javascriptreact', 'JSX'],
  ['typescript', 'TypeScript'],
  ['typescriptreact', 'TSX'],
  ['python', 'Python'],
  ['php', 'PHP'],
  ['java', 'Java'],
  ['ruby', 'Ruby'],
  ['sql', 'SQL'],
  ['dockerfile', 'Dockerfile'],
  ['ignore', 'Ignore'],
  ['nginx', 'Nginx'],
  ['properties', 'Properties'],
]);

const GUIDE_REFERENCE = /\s*Guide: ([a-z0-9][a-z0-9-]*)#([a-z0-9][a-z0-9-]*)\.?$/;

const ACRONYMS = new Map([['api', 'API'], ['apis', 'APIs'], ['rest', 'REST'], ['cors', 'CORS'], ['http', 'HTTP'], ['jwt', 'JWT'], ['orms', 'ORMs'], ['sql', 'SQL']]);
/** A section slug as words, for link text that does not depend on the chapter's current wording. */
const humanize = (slug) => {
  const words = slug.split('-').map((word) => ACRONYMS.get(word) ?? word);
  return words[0].charAt(0).toUpperCase() + words.slice(0).join(' ').slice(1);
};
const cell = (text) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function loadSnippets() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributions = manifest.contributes?.snippets ?? [];
  const files = [...new Set(contributions.map((c) => c.path.replace(/^\.\//, '')))];
  return files.flatMap((file) => {
    const languages = contributions.filter((c) => c.path.replace(/^\.\//, '') === file && c.language).map((c) => c.language);
    const snippets = JSON.parse(readFileSync(join(root, file), 'utf8'));
    return Object.entries(snippets).map(([name, snippet]) => ({
      name,
      file,
      prefixes: [snippet.prefix].flat(),
      description: snippet.description ?? '',
      languages: languages.length > 0 ? languages : String(snippet.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    }));
  });
}

function loadNodeSnippets() {
  const variants = JSON.parse(readFileSync(join(root, NODE_VARIANTS), 'utf8'));
  return Object.entries(variants).map(([name, snippet]) => ({
    name,
    file: NODE_VARIANTS,
    prefixes: [snippet.prefix].flat(),
    description: snippet.description,
    uses: snippet.uses,
    forms: snippet.forms,
    languages: snippet.forms.esm ? ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] : ['typescript', 'typescriptreact'],
  }));
}

/** How a snippet is shown in the Languages column: a JavaScript/TypeScript one names the forms it has. */
function languagesCell(snippet) {
  const languages = snippet.languages.map((id) => LANGUAGE_NAMES.get(id) ?? id).join(', ');
  if (!snippet.forms) return languages;
  return snippet.forms.esm ? `${languages} (CommonJS, ES module or typed)` : `${languages} (declarations)`;
}

function formExamples(snippets) {
  const require = createRequire(import.meta.url);
  const expander = join(root, 'out', 'src', 'engine', 'snippet-expand.js');
  if (!existsSync(expander)) throw new Error('out/src/engine/snippet-expand.js is missing: run npm run compile-tests first');
  const { expandSnippet } = require(expander);
  const lines = [
    '## One snippet, three forms',
    '',
    'The JavaScript and TypeScript snippets are written once, in TypeScript, and each is offered in the form that fits',
    'the file you type in:',
    '',
    '- **TypeScript** (`.ts`, `.mts`, `.cts`, `.tsx`): with its types.',
    '- **JavaScript, ES module**: `import`/`export`, types kept as JSDoc comments that VS Code reads. Chosen for `.mjs`',
    '  files, files that already use `import` or `export`, files under a `package.json` with `"type": "module"`, and',
    '  JSX files (a compiler or bundler reads them).',
    '- **JavaScript, CommonJS**: `require()` and `exports`. Chosen for `.cjs` files, files that already use `require()`,',
    '  and other `.js` files (Node\'s default).',
    '',
    'Routes read `req.user`, which `requireAuth` sets: in TypeScript, add `bg-express-types` once so the compiler',
    'knows about it. Every form of every snippet is type-checked in strict mode against the current packages.',
    '',
  ];
  for (const prefix of FORM_EXAMPLES) {
    const snippet = snippets.find((s) => s.prefixes.includes(prefix));
    if (!snippet) throw new Error(`no snippet ${prefix} for the form examples`);
    lines.push(`### \`${prefix}\``, '');
    for (const [form, name] of FORM_NAMES) {
      const body = snippet.forms[form];
      if (!body) continue;
      lines.push(`${name}:`, '', `\`\`\`${form === 'typescript' ? 'ts' : 'js'}`, expandSnippet(body.join('\n')), '```', '');
    }
  }
  return lines;
}

function row(snippet) {
  const match = GUIDE_REFERENCE.exec(snippet.description);
  const described = match ? snippet.description.slice(0, match.index) : snippet.description;
  const what = snippet.uses ? `${described} Uses ${snippet.uses.map((name) => `\`${name}\``).join(', ')} from your code.` : described;
  const guide = match ? `[${humanize(match[2])}](${match[1]}.md#${match[2]})` : '';
  const prefixes = snippet.prefixes.map((p) => `\`${p}\``).join(', ');
  return `| ${prefixes} | ${cell(snippet.name)} | ${cell(languagesCell(snippet))} | ${cell(what)} | ${guide} |`;
}

function renderCatalogue(snippets) {
  const byChapter = new Map();
  for (const snippet of snippets) {
    const chapter = GUIDE_REFERENCE.exec(snippet.description)?.[1] ?? 'other';
    if (!byChapter.has(chapter)) byChapter.set(chapter, []);
    byChapter.get(chapter).push(snippet);
  }
  const chapters = [...byChapter.keys()].sort((a, b) => {
    const rank = (c) => (CHAPTER_TITLES.has(c) ? [...CHAPTER_TITLES.keys()].indexOf(c) : CHAPTER_TITLES.size);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  const lines = [
    '# Snippet catalogue',
    '',
    '<!-- Generated by scripts/generate-snippet-catalogue.mjs from the snippet files; edit those, then run the script. -->',
    '',
    `Backend Guide ships ${snippets.length} snippets. Type \`bg-\` in an editor to see the ones offered in its language,`,
    'then press Tab to move from one placeholder to the next. Every snippet is secure by default (parameterized',
    'queries, authentication on routes that change data, secrets read from the environment) and links to the guide',
    'section that explains it.',
    '',
  ];
  for (const chapter of chapters) {
    lines.push(`## ${CHAPTER_TITLES.get(chapter) ?? humanize(chapter)}`, '');
    lines.push('| Prefix | Snippet | Languages | What it does | Guide |', '| --- | --- | --- | --- | --- |');
    for (const snippet of byChapter.get(chapter)) lines.push(row(snippet));
    lines.push('');
  }
  lines.push(...formExamples(snippets.filter((s) => s.forms)));
  lines.push(
    '## Where the snippets appear',
    '',
    '- The JavaScript/TypeScript snippets are offered in JavaScript, TypeScript, JSX and TSX files, each in the form',
    '  that fits the file (see above); `bg-express-types` only in TypeScript and TSX files.',
    '- The `.dockerignore` snippet is offered in files of the Ignore language. If your `.dockerignore` opens as',
    '  Plain Text, add `"files.associations": { ".dockerignore": "ignore" }` to your settings.',
    '- VS Code has no Nginx language of its own: the Nginx snippets are offered in files of language `nginx`',
    '  (added by the Nginx extensions) and `properties` (how VS Code opens `*.conf` files without one).',
    '',
  );
  return lines.join('\n');
}

const page = renderCatalogue([...loadNodeSnippets(), ...loadSnippets()]);
const target = join(root, PAGE);
if (process.argv.includes('--stdout')) {
  process.stdout.write(page);
} else if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== page) {
    console.error(`${PAGE} is out of date: run node scripts/generate-snippet-catalogue.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, page);
  console.log(`wrote ${PAGE}`);
}
