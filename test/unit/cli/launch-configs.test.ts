import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { launchConfigFiles } from '../../../src/cli/project-manifests';
import { MAX_LAUNCH_CONFIG_BYTES } from '../../../src/engine/project/module-launchers';

/** Writes files (relative path to text) into a new temporary folder, and returns it. */
function folderWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-launch-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** The rule ids the CLI reports for one file of `root`. */
async function rulesReported(root: string, file: string): Promise<string[]> {
  let stdout = '';
  await runCli(['lint', '.', '--format', 'json', '--jobs', '1'], { cwd: root, stdout: (t) => { stdout += t; }, stderr: () => undefined });
  const report = JSON.parse(stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string }> }> };
  return (report.files.find((f) => f.path === file)?.findings ?? []).map((f) => f.ruleId);
}

const SERVER = {
  'package.json': '{ "name": "server", "main": "index.js", "scripts": { "start": "node index.js" } }',
  'index.js': "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet());\napp.listen(3000);\n",
  'utils/migrate.js': "exports.check = (model, db) => db.get(`SELECT COUNT(*) FROM pragma_table_info('${model.table}')`);\n",
};

describe('CLI: launch configuration files', () => {
  it('reads the small configuration files beside package.json and in the usual folders, not lock files or large ones', () => {
    const root = folderWith({
      ...SERVER,
      Procfile: 'web: node index.js\n',
      'docker/Dockerfile': 'CMD ["node", "index.js"]\n',
      'serverless.yml': 'functions: {}\n',
      'package-lock.json': '{}',
      'tsconfig.json': '{}',
      'data.json': 'x'.repeat(MAX_LAUNCH_CONFIG_BYTES + 1),
      'src/deep/settings.yml': 'a: b\n',
    });
    const found = launchConfigFiles([root]).map((f) => path.relative(root, f)).sort();
    assert.deepStrictEqual(found, ['Procfile', 'docker/Dockerfile', 'serverless.yml'].sort());
  });

  it('leaves out queries of a module nothing loads, and reports them once a Procfile runs it', async () => {
    const root = folderWith(SERVER);
    assert.deepStrictEqual(await rulesReported(root, 'utils/migrate.js'), []);
    fs.writeFileSync(path.join(root, 'Procfile'), 'release: node utils/migrate.js\nweb: node index.js\n');
    assert.deepStrictEqual(await rulesReported(root, 'utils/migrate.js'), ['sql-concatenation']);
  });
});
