import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../../../src/engine/config';
import { projectRoutes } from '../../../src/engine/rules/auth/route-report';
import { LineIndex } from '../../../src/engine/text';
import { projectFrom } from '../../../src/testing/project-from';
import { cli, project as folder, VULNERABLE } from './run-cli';

const posix = process.platform !== 'win32';

describe('CLI: hostile files', () => {
  it('does not follow a .backendguide.yaml linked out of the project, and names why', async function () {
    if (!posix) this.skip();
    const outside = folder({ 'secret.yaml': 'token: s3cr3t-value\nrules: [\n' });
    const root = folder({ 'src/a.js': VULNERABLE });
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, '.backendguide.yaml'));
    const run = await cli(root, 'lint', 'src');
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /config file \.backendguide\.yaml is a link to a file outside the project; not followed/);
    assert.doesNotMatch(run.stderr + run.stdout, /s3cr3t/);
  });

  it('follows a configuration linked to a file inside the project', async function () {
    if (!posix) this.skip();
    const root = folder({ 'src/a.js': VULNERABLE, 'config/bg.yaml': 'rules:\n  sql-concatenation: off\n' });
    fs.symlinkSync(path.join(root, 'config/bg.yaml'), path.join(root, '.backendguide.yaml'));
    const run = await cli(root, 'lint', 'src');
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /^0 finding\(s\)/m);
  });

  it('says where a YAML error is without echoing the lines of the file', async () => {
    const root = folder({ 'src/a.js': VULNERABLE, '.backendguide.yaml': 'token: s3cr3t-value\nrules: [\n  sql-concatenation: off\n' });
    const run = await cli(root, 'lint', 'src');
    assert.match(run.stderr, /\.backendguide\.yaml: not valid YAML at line \d+, column \d+ \([A-Z_]+\)/);
    assert.doesNotMatch(run.stderr, /s3cr3t|sql-concatenation: off/);
  });

  it('refuses a configuration, a source file and a package.json linked to /dev/zero, with a reason', async function () {
    if (!posix || !fs.existsSync('/dev/zero')) this.skip();
    const root = folder({ 'src/a.js': VULNERABLE });
    fs.symlinkSync('/dev/zero', path.join(root, 'package.json'));
    fs.symlinkSync('/dev/zero', path.join(root, 'src/zero.js'));
    const withPackage = await cli(root, 'lint', 'src/a.js');
    assert.strictEqual(withPackage.code, 0, withPackage.stderr);
    assert.match(withPackage.stdout, /^1 finding\(s\)/m, 'the package.json is left unread and the file is still checked');
    const source = await cli(root, 'lint', 'src/zero.js');
    assert.strictEqual(source.code, 2);
    assert.match(source.stderr, /src\/zero\.js is a device, not a regular file; not read/);
    fs.symlinkSync('/dev/zero', path.join(root, '.backendguide.yaml'));
    const config = await cli(root, 'lint', 'src/a.js');
    assert.strictEqual(config.code, 2);
    assert.match(config.stderr, /config file \.backendguide\.yaml is a link to a file outside the project/);
  });

  it('refuses FIFOs instead of waiting on them', async function () {
    if (!posix) this.skip();
    const root = folder({ 'src/a.js': VULNERABLE });
    try {
      execFileSync('mkfifo', [path.join(root, 'src/pipe.js'), path.join(root, '.backendguide.yaml')]);
    } catch {
      this.skip();
    }
    const config = await cli(root, 'lint', 'src/a.js');
    assert.strictEqual(config.code, 2);
    assert.match(config.stderr, /config file \.backendguide\.yaml is a FIFO, not a regular file; not read/);
    fs.unlinkSync(path.join(root, '.backendguide.yaml'));
    const source = await cli(root, 'lint', 'src/pipe.js');
    assert.strictEqual(source.code, 2);
    assert.match(source.stderr, /src\/pipe\.js is a FIFO, not a regular file; not read/);
    // the other file is still checked and reported, the FIFO listed as skipped, and the exit code is 2
    const both = await cli(root, 'lint', 'src/a.js', 'src/pipe.js', '--format', 'json');
    assert.strictEqual(both.code, 2);
    const report = JSON.parse(both.stdout);
    assert.deepStrictEqual(report.files.map((f: { path: string; skipped: string | null; findings: unknown[] }) => [f.path, f.findings.length, f.skipped]), [
      ['src/a.js', 1, null],
      ['src/pipe.js', 0, 'is a FIFO, not a regular file; not read'],
    ]);
  });

  it('reports the paths it can read when another one is missing, and exits 2', async () => {
    const root = folder({ 'src/a.js': VULNERABLE });
    const run = await cli(root, 'lint', 'src', 'missing-folder');
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /cannot read missing-folder \(no such file or folder\)/);
    assert.match(run.stdout, /^src\/a\.js$/m);
    assert.match(run.stdout, /1 finding\(s\)/);
  });

  it('escapes control characters from file names and code in the text report and on stderr', async function () {
    if (!posix) this.skip();
    const name = 'src/evil\u001b[2J\u202e.js';
    const root = folder({ [name]: VULNERABLE, 'src/broken\u001b]8;;x\u0007.js': 'const a = ;\n' });
    const run = await cli(root, 'lint', 'src', 'gone\u001b[31m');
    assert.doesNotMatch(run.stderr, /[\u001b\u0007]/);
    assert.match(run.stderr, /gone\\u001b\[31m/);
    const report = await cli(root, 'lint', 'src');
    assert.doesNotMatch(report.stdout, /[\u001b\u0007\u202e]/);
    assert.match(report.stdout, /src\/evil\\u001b\[2J\\u202e\.js/);
  });

  it('writes SARIF artifact URIs that keep #, ?, spaces and a leading scheme-like name inside the path', async function () {
    if (!posix) this.skip();
    const names = ['src/a#b.js', 'src/q?x.js', 'c:evil.js', 'src/sp ace.js'];
    const root = folder(Object.fromEntries(names.map((n) => [n, VULNERABLE])));
    const sarif = JSON.parse((await cli(root, 'lint', '--format', 'sarif', '.')).stdout);
    const uris = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
    assert.deepStrictEqual(uris, ['c%3Aevil.js', 'src/a%23b.js', 'src/q%3Fx.js', 'src/sp%20ace.js']);
    const base = sarif.runs[0].originalUriBaseIds.SRCROOT.uri;
    for (const uri of uris) assert.ok(names.includes(path.relative(root, decodeURIComponent(new URL(uri, base).pathname)).split(path.sep).join('/')), uri);
  });

  it('counts lines of CR-only files', async () => {
    const root = folder({ 'src/mac.js': VULNERABLE.replace(/\n/g, '\r') });
    const run = await cli(root, 'lint', 'src');
    assert.match(run.stdout, /^ {2}3:\d+ /m);
  });
});

describe('CR-only line endings', () => {
  it('put Express and NestJS routes at their lines', async () => {
    const nest = "import { Controller, Delete, Get, Param } from '@nestjs/common';\n\n@Controller('users')\nexport class UsersController {\n  @Get()\n  list() {}\n\n  @Delete(':id')\n  remove(@Param('id') id: string) {}\n}\n";
    const express = "const express = require('express');\nconst app = express();\n\napp.delete('/orders/:id', remove);\n";
    const project = await projectFrom({ '/p/users.controller.ts': nest.replace(/\n/g, '\r'), '/p/app.js': express.replace(/\n/g, '\r') });
    const rows = projectRoutes(project, defaultConfig());
    assert.deepStrictEqual(rows.map((r) => `${r.method} ${r.path} line ${r.line}`).sort(), ['DELETE /orders/:id line 4', 'DELETE /users/:id line 8', 'GET /users line 5']);
  });

  it('ends lines at \\n, \\r\\n and a lone \\r', () => {
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.deepStrictEqual([0, 2, 5, 7].map((o) => lines.positionAt(o).line), [0, 1, 2, 3]);
    assert.deepStrictEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['a', 'b', 'c', 'd']);
  });

  it('after an edit that joins a \\r to a \\n, counts as a fresh index does', () => {
    const before = 'a\rb';
    const after = 'a\r\nb';
    assert.deepStrictEqual(new LineIndex(before).withEdit(2, 2, '\n', after), new LineIndex(after));
    assert.deepStrictEqual(new LineIndex('a\r\nb').withEdit(2, 3, '', 'a\rb'), new LineIndex('a\rb'));
  });
});
