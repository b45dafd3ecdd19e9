import * as assert from 'assert';
import { isDeveloperFileName, isTestFileName, pathBelowRoot, TEST_FILE_PATTERN, PYTHON_TEST_FILE_PATTERN, TEST_FOLDER_PATTERN, UNAMBIGUOUS_TEST_FOLDER_PATTERN } from '../../../src/engine/project/frameworks';
import { pick, seededRandom } from '../seeded-random';

// What the two functions answered when each call normalised every path again: the shortcuts must change no answer.
function plainPathBelowRoot(fileName: string, rootDir?: string): string | undefined {
  const normalized = fileName.split('\\').join('/');
  const root = rootDir?.split('\\').join('/').replace(/\/?$/, '/');
  if (root && normalized.startsWith(root)) return normalized.slice(root.length);
  return normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized) ? undefined : normalized;
}

function plainIsTestFileName(fileName: string, rootDir?: string): boolean {
  const normalized = fileName.split('\\').join('/');
  if (TEST_FILE_PATTERN.test(normalized) || PYTHON_TEST_FILE_PATTERN.test(normalized) || UNAMBIGUOUS_TEST_FOLDER_PATTERN.test(normalized)) return true;
  const below = plainPathBelowRoot(fileName, rootDir);
  return below !== undefined && TEST_FOLDER_PATTERN.test(below);
}

describe('test and developer file names', () => {
  it('answer as a fresh normalisation of each path would, for roots that change between calls', () => {
    const random = seededRandom(3122026);
    const parts = ['src', 'test', 'tests', '__tests__', 'spec', 'scripts', 'examples', 'e2e', 'app.js', 'app.test.ts', 'test_x.py', 'conftest.py', 'p', 'C:', 'c:', ''];
    const separators = ['/', '\\'];
    const roots = [undefined, '', '/', '/p', '/p/', 'C:\\p', 'C:\\p\\', 'c:/p', 'p', 'test'];
    for (let n = 0; n < 5000; n += 1) {
      const length = 1 + Math.floor(random() * 5);
      let file = random() < 0.5 ? pick(random, ['/', 'C:\\', 'c:/', '']) : '';
      for (let i = 0; i < length; i += 1) file += (i ? pick(random, separators) : '') + pick(random, parts);
      const root = pick(random, roots);
      const case_ = JSON.stringify([file, root]);
      assert.strictEqual(pathBelowRoot(file, root), plainPathBelowRoot(file, root), case_);
      assert.strictEqual(isTestFileName(file, root), plainIsTestFileName(file, root), case_);
    }
  });

  it('read folder names below the root, with either separator', () => {
    assert.ok(isTestFileName('C:\\p\\test\\app.js', 'C:\\p'));
    assert.ok(!isTestFileName('C:\\test\\p\\app.js', 'C:\\test\\p'));
    assert.strictEqual(pathBelowRoot('C:\\p\\src\\app.js', 'C:/p/'), 'src/app.js');
    assert.ok(isDeveloperFileName('/p/scripts/seed.js', '/p'));
    assert.ok(!isDeveloperFileName('/scripts/p/seed.js', '/scripts/p'));
  });
});
