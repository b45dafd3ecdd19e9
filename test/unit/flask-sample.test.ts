import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/engine/analyze';
import { applyTextEdits } from '../../src/engine/text';
import { FLASK_SAMPLE_FILES } from '../../src/extension/guide/flask-sample-files';
import { projectFrom } from '../../src/testing/project-from';

const ROOT = '/sample';
const sourceFiles = (files: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(files).filter(([name]) => /\.py$|requirements\.txt$/.test(name)).map(([name, text]) => [`${ROOT}/${name}`, text]));

async function headerFindings(files: Readonly<Record<string, string>>) {
  const project = await projectFrom(sourceFiles(files), { rootDir: ROOT });
  const result = await analyze(files['app.py'], { languageId: 'python', fileName: `${ROOT}/app.py`, project });
  return result.findings.filter((f) => f.ruleId === 'python-security-headers');
}

describe('Flask sample project', () => {
  it('needs only Flask: no package with a native build or a download', () => {
    assert.deepStrictEqual(FLASK_SAMPLE_FILES['requirements.txt'].trim().split('\n'), ['flask>=3.0']);
  });

  it('shows its missing security headers at the app, and says how to get the Talisman fix', async () => {
    const findings = await headerFindings(FLASK_SAMPLE_FILES);
    assert.deepStrictEqual(findings.map((f) => [f.messageId, f.range.start.line + 1]), [['flaskWithoutHeaders', 9]]);
    assert.match(findings[0].message, /add flask-talisman to them/);
    assert.deepStrictEqual(findings[0].fixes, [], 'no Talisman fix while flask-talisman is not a requirement');
  });

  it('offers the Talisman fix once flask-talisman is a requirement, and the fixed app has no finding', async () => {
    const withTalisman: Record<string, string> = { ...FLASK_SAMPLE_FILES, 'requirements.txt': 'flask>=3.0\nflask-talisman>=1.1\n' };
    const [finding] = await headerFindings(withTalisman);
    assert.ok(finding?.fixes[0], 'a fix');
    const fixed = applyTextEdits(withTalisman['app.py'], finding.fixes[0].edits);
    assert.match(fixed, /from flask_talisman import Talisman\n/);
    assert.match(fixed, /app = Flask\(__name__\)\nTalisman\(app\)\n/);
    assert.deepStrictEqual(await headerFindings({ ...withTalisman, 'app.py': fixed }), []);
  });

  it('is fixed by an after_request hook that sets the headers, too', async () => {
    const hook = '\n\n@app.after_request\ndef security_headers(response):\n    response.headers["Content-Security-Policy"] = "default-src \'none\'"\n    response.headers["Strict-Transport-Security"] = "max-age=31536000"\n    response.headers["X-Content-Type-Options"] = "nosniff"\n    response.headers["X-Frame-Options"] = "DENY"\n    return response\n';
    const app = FLASK_SAMPLE_FILES['app.py'].replace('app.teardown_appcontext(close_db)\n', `app.teardown_appcontext(close_db)${hook}`);
    assert.deepStrictEqual(await headerFindings({ ...FLASK_SAMPLE_FILES, 'app.py': app }), []);
  });

  it('is valid Python (python3 -m py_compile), where python3 is installed', function () {
    try {
      execFileSync('python3', ['--version'], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-flask-sample-'));
    try {
      const files = Object.keys(FLASK_SAMPLE_FILES).filter((f) => f.endsWith('.py'));
      for (const file of files) fs.writeFileSync(path.join(dir, file), FLASK_SAMPLE_FILES[file]);
      execFileSync('python3', ['-m', 'py_compile', ...files], { cwd: dir, stdio: 'pipe' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
