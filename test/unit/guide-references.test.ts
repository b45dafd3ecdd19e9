import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SAMPLE_FILES } from '../../src/extension/guide/sample-files';
import { moduleSyntaxOf, packageTypeOf, snippetFormFor, type NodeSnippet } from '../../src/extension/snippets/snippet-forms';
import { allRules } from '../../src/engine/registry';
import { markdownFiles, nls, readRepoFile, ROOT } from './guide-files';

/**
 * The OWASP Top 10, 2025 edition (https://owasp.org/Top10/2025/): number, name and the slug of its page.
 * A guide that cites a category must use these numbers; the 2021 edition numbered them differently.
 */
const OWASP_TOP10_2025: Readonly<Record<string, { name: string; slug: string }>> = {
  A01: { name: 'Broken Access Control', slug: 'Broken_Access_Control' },
  A02: { name: 'Security Misconfiguration', slug: 'Security_Misconfiguration' },
  A03: { name: 'Software Supply Chain Failures', slug: 'Software_Supply_Chain_Failures' },
  A04: { name: 'Cryptographic Failures', slug: 'Cryptographic_Failures' },
  A05: { name: 'Injection', slug: 'Injection' },
  A06: { name: 'Insecure Design', slug: 'Insecure_Design' },
  A07: { name: 'Authentication Failures', slug: 'Authentication_Failures' },
  A08: { name: 'Software or Data Integrity Failures', slug: 'Software_or_Data_Integrity_Failures' },
  A09: { name: 'Security Logging and Alerting Failures', slug: 'Security_Logging_and_Alerting_Failures' },
  A10: { name: 'Mishandling of Exceptional Conditions', slug: 'Mishandling_of_Exceptional_Conditions' },
};

/**
 * Node.js release lines that still get security fixes (https://github.com/nodejs/Release#release-schedule), with
 * their end of life. Remove a line here when it reaches its end of life; the test then names every pin to move.
 */
const SUPPORTED_NODE_LINES: Readonly<Record<number, string>> = { 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30' };

/** Everything a learner reads or inserts: guide and step Markdown, snippets, manifest strings, the sample project. */
function teachingTexts(): { where: string; text: string }[] {
  const snippetFiles = ['snippets', 'snippets/node'].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.(json|code-snippets)$/.test(f)).map((f) => `${dir}/${f}`));
  return [
    ...[...markdownFiles('walkthroughs'), ...snippetFiles].map((file) => ({ where: file, text: readRepoFile(file) })),
    ...Object.entries(nls).map(([key, text]) => ({ where: `package.nls.json ${key}`, text })),
    ...Object.entries(SAMPLE_FILES).map(([file, text]) => ({ where: `sample ${file}`, text })),
    // what SARIF and the editor show beside a finding
    ...allRules().map((rule) => ({ where: `rule ${rule.meta.id} references`, text: rule.meta.references.map((r) => `${r.id} ${r.url}`).join('\n') })),
  ];
}

describe('guide references are current', () => {
  const texts = teachingTexts();

  it('cites OWASP Top 10 categories by their 2025 numbers, never the 2021 edition', () => {
    const old = texts.flatMap(({ where, text }) => [...text.matchAll(/\bA\d{2}[:_]2021\b|Top ?10 ?(?:\(|:)?2021\b/g)].map((m) => `${where}: ${m[0]}`));
    assert.deepStrictEqual(old, []);
  });

  it('pairs each 2025 category number with its 2025 name and page', () => {
    const wrong: string[] = [];
    for (const { where, text } of texts) {
      for (const m of text.matchAll(/owasp\.org\/Top10\/2025\/(A\d{2})_2025-([\w]+)\//g)) {
        if (OWASP_TOP10_2025[m[1]]?.slug !== m[2]) wrong.push(`${where}: link ${m[1]} -> ${m[2]}`);
      }
      for (const m of text.matchAll(/\b(A\d{2}):2025\b[\s\-–]*([A-Z][A-Za-z ]+)?/g)) {
        const named = m[2]?.trim();
        const expected = OWASP_TOP10_2025[m[1]];
        if (!expected) wrong.push(`${where}: ${m[0]} is not a 2025 category`);
        else if (named && named.length > 3 && !expected.name.startsWith(named) && !named.startsWith(expected.name)) {
          wrong.push(`${where}: ${m[1]}:2025 is "${expected.name}", not "${named}"`);
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('the pairing check can fail: the 2021 number for Injection is caught', () => {
    const m = /\b(A\d{2}):2025\b[\s\-–]*([A-Z][A-Za-z ]+)?/.exec('OWASP A03:2025 Injection');
    assert.ok(m && !OWASP_TOP10_2025[m[1]].name.startsWith(m[2].trim()));
  });

  it('pins Node.js only to supported release lines (images, engines, CI)', () => {
    const pins: string[] = [];
    const patterns = [
      /\bnode:(\d+)(?:[-.:\s"'|,]|$)/g, // Docker images: node:24-trixie-slim, and snippet choices node:${1|24,22|}
      /\$\{\d+\|((?:\d+,?)+)\|\}-trixie/g, // the choice list itself
      /"node"\s*:\s*"\s*>=?\s*(\d+)/g, // package.json engines
      /node-version:\s*['"]?(\d+)/g, // GitHub Actions setup-node
    ];
    for (const { where, text } of texts) {
      for (const pattern of patterns) {
        for (const m of text.matchAll(pattern)) {
          for (const major of m[1].split(',').filter(Boolean).map(Number)) {
            if (!SUPPORTED_NODE_LINES[major]) pins.push(`${where}: ${m[0].trim()} (Node ${major} is not a supported line)`);
          }
        }
      }
    }
    assert.deepStrictEqual(pins, []);
  });
});

describe('walkthrough steps and the sample agree on the module system', () => {
  const variants = JSON.parse(readRepoFile('snippets/node/variants.json')) as Record<string, NodeSnippet & { prefix: string }>;
  const packageType = packageTypeOf(SAMPLE_FILES['package.json']);

  // A step that says "type bg-x" in a sample file must insert code that runs there: an ES module import in the
  // CommonJS sample makes `node src/app.js` fail while the step shows as done.
  const asks = Object.entries(nls).flatMap(([key, text]) => {
    const file = /openSampleFile\?([^)\s]+)/.exec(text)?.[1];
    const sampleFile = file ? (JSON.parse(decodeURIComponent(file)) as string[])[0] : undefined;
    return sampleFile ? [...text.matchAll(/\b(bg-[a-z0-9-]+)/g)].map((m) => ({ key, prefix: m[1], sampleFile })) : [];
  });

  it('finds the steps that ask for a snippet in a sample file', () => {
    assert.ok(asks.some((a) => a.prefix === 'bg-helmet' && a.sampleFile === 'src/app.js'), JSON.stringify(asks));
  });

  for (const { key, prefix, sampleFile } of asks) {
    it(`${key}: ${prefix} in the sample's ${sampleFile} matches the file's module system`, () => {
      const text = SAMPLE_FILES[sampleFile];
      assert.ok(text, `${sampleFile} is not a sample file`);
      const form = snippetFormFor({ languageId: 'javascript', fileName: `/sample/${sampleFile}`, text }, packageType);
      assert.ok(form, 'the completion offers a form for the file');
      const snippet = Object.values(variants).find((s) => s.prefix === prefix);
      assert.ok(snippet, `${prefix} is a JavaScript snippet`);
      const body = (snippet.forms[form] ?? []).join('\n');
      assert.ok(body, `${prefix} has a ${form} form`);
      assert.strictEqual(moduleSyntaxOf(body) ?? moduleSyntaxOf(text), moduleSyntaxOf(text), `${prefix} inserts ${moduleSyntaxOf(body)} code into a ${moduleSyntaxOf(text)} file`);
    });
  }
});

describe('the teaching review ledger', () => {
  it('closes every numbered error of the review (E1 to E34) with a status', () => {
    const ledger = readRepoFile('docs/teaching-review-ledger.md');
    const statuses = /\| (?:fixed[^|]*|other work[^|]*|not fixed|partly) \|/;
    const missing = Array.from({ length: 34 }, (_, i) => `E${i + 1}`)
      .filter((id) => !ledger.split('\n').some((line) => new RegExp(`^\\| ${id}[a-z]? \\|`).test(line) && statuses.test(line)));
    assert.deepStrictEqual(missing, []);
  });
});
