import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  assert.strictEqual(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the extension page (what the VSIX shows)', () => {
  it('has a PNG icon of at least 128x128 that ships, drawn from the SVG beside it', () => {
    const icon = path.join(ROOT, manifest.icon);
    const { width, height } = pngSize(icon);
    assert.ok(width >= 128 && width === height, `${width}x${height}`);
    assert.ok(fs.existsSync(icon.replace(/\.png$/, '.svg')), 'the SVG source is kept');
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), new RegExp(`^!${manifest.icon.replace('.', '\\.')}$`, 'm'));
  });

  it('ships every bundle esbuild.js writes (the extension, its analysis worker, the CLI, its engine and its scan thread)', () => {
    const built = [...fs.readFileSync(path.join(ROOT, 'esbuild.js'), 'utf8').matchAll(/outfile: '(dist\/[\w.-]+\.js)'/g)].map((m) => m[1]);
    assert.ok(built.length >= 4, `bundles found in esbuild.js: ${built.join(', ')}`);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    // a bundle the extension starts but the package leaves out falls back (the analysis worker) or fails (a scan worker)
    assert.deepStrictEqual(built.filter((file) => !new RegExp(`^!${file.replace(/\./g, '\\.')}$`, 'm').test(ignore)), []);
  });

  it('packages a README written for users, given to vsce with --readme-path', () => {
    const match = /--readme-path (\S+)/.exec(manifest.scripts.package);
    assert.ok(match, 'the package script names the README for the extension page');
    const readme = fs.readFileSync(path.join(ROOT, match[1]), 'utf8');
    assert.match(readme, /^# Backend Guide\n/);
    for (const developerOnly of [/npm ci/, /npm test/, /npm start/, /mocha/, /code-server/]) assert.doesNotMatch(readme, developerOnly);
    // vsce turns relative links into links to the repository, and there is none: every link must be absolute.
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.deepStrictEqual(targets.filter((t) => !/^https:\/\//.test(t)), []);
  });

  it('links to no repository, since none is published', () => {
    assert.strictEqual(manifest.repository, undefined);
    assert.strictEqual(manifest.homepage, undefined);
    assert.strictEqual(manifest.bugs, undefined);
    assert.match(manifest.scripts.package, /--allow-missing-repository/);
    for (const file of ['package.json', 'CHANGELOG.md', path.join(...(/--readme-path (\S+)/.exec(manifest.scripts.package)![1].split('/')))]) {
      assert.doesNotMatch(fs.readFileSync(path.join(ROOT, file), 'utf8'), /github\.com\/backend-guide/, file);
    }
  });
});
