import * as assert from 'assert';
import { defaultConfig, readConfigText } from '../../src/engine/config';
import { layerConfig } from '../../src/extension/config-layers';

const FILE = readConfigText('maxFileSizeKb: 4096\ntimeBudgetMs: 500\nrules:\n  missing-auth: off\nignore: [gen]\n');

describe('editor configuration: settings over .backendguide.yaml', () => {
  it('takes the limits from the file when no setting is set', () => {
    const { config, problems } = layerConfig(FILE, 'f.yaml', { rules: {}, ignore: [] }, true);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(config.maxFileSizeBytes, 4096 * 1024);
    assert.strictEqual(config.timeBudgetMs, 500);
  });

  it('lets a setting someone set win over the file, rule by rule and limit by limit', () => {
    const { config } = layerConfig(FILE, 'f.yaml', { rules: { 'missing-auth': 'error' }, ignore: ['tmp'], maxFileSizeKb: 64 }, true);
    assert.strictEqual(config.maxFileSizeBytes, 64 * 1024);
    assert.strictEqual(config.timeBudgetMs, 500);
    assert.deepStrictEqual(config.rules, { 'missing-auth': 'error' });
    assert.deepStrictEqual(config.ignore, ['gen', 'tmp']);
  });

  it('in Restricted Mode lets the file lower the limits but not raise them, and says so', () => {
    const { config, problems } = layerConfig(FILE, 'f.yaml', { rules: {}, ignore: [] }, false);
    assert.strictEqual(config.maxFileSizeBytes, defaultConfig().maxFileSizeBytes);
    assert.strictEqual(config.timeBudgetMs, 500);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /^f\.yaml: 'maxFileSizeKb' raises the limit, which a workspace in Restricted Mode cannot do/);
  });

  it('keeps the problems of reading the file', () => {
    const broken = readConfigText('rules: [\n', 'f.yaml');
    const { config, problems } = layerConfig(broken, 'f.yaml', { rules: {}, ignore: [] }, true);
    assert.deepStrictEqual(config, defaultConfig());
    assert.match(problems[0], /not valid YAML/);
  });
});
