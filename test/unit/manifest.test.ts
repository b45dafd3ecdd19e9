import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../src/extension/commands/ids';
import { allRules } from '../../src/engine/registry';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));

function nlsKeys(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/^%([^%]+)%$/g)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(nlsKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(nlsKeys);
  return [];
}

describe('package.json manifest', () => {
  it('names the extension, its publisher, bundle and CLI', () => {
    assert.strictEqual(manifest.name, 'backend-guide');
    assert.strictEqual(nls[manifest.displayName.slice(1, -1)], 'Backend Guide');
    assert.ok(manifest.publisher);
    assert.strictEqual(manifest.main, './dist/extension.js');
    assert.strictEqual(manifest.bin['backend-guide'], './dist/cli.js');
  });

  it('targets VS Code 1.90 or older and @types/vscode no newer than the engine', () => {
    const engine = /^\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    assert.ok(engine && Number(engine[1]) === 1 && Number(engine[2]) <= 90, manifest.engines.vscode);
    const types = /(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode']);
    assert.ok(types && Number(types[2]) <= Number(engine[2]), 'types must not be newer than engines.vscode');
  });

  it('activates only on the analysed languages (and its own commands, views and configuration file)', () => {
    for (const event of manifest.activationEvents) assert.match(event, /^(onLanguage:(javascript|typescript|javascriptreact|typescriptreact|python|php|java|ruby)|onCommand:backendGuide\.|onView:backendGuide\.|onUri|workspaceContains:\.backendguide\.yaml$)/);
    for (const lang of ['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python', 'php', 'java', 'ruby']) assert.ok(manifest.activationEvents.includes(`onLanguage:${lang}`));
  });

  it('declares limited untrusted workspace support: workspace settings cannot raise the limits in Restricted Mode', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(untrusted.supported, 'limited');
    assert.ok(nls[untrusted.description.replace(/^%|%$/g, '')], 'the description is localised');
    const keys: string[] = manifest.contributes.configuration.flatMap((section: { properties: object }) => Object.keys(section.properties));
    const limits = keys.filter((key) => /(SizeKb|BudgetMs)$/.test(key));
    assert.ok(limits.length >= 3, limits.join(', '));
    assert.deepStrictEqual([...untrusted.restrictedConfigurations].sort(), limits.sort());
  });

  it('contributes every command of the id table, each with a category, and no unknown ones', () => {
    const contributed: { command: string; category?: string }[] = manifest.contributes.commands;
    const ids = Object.values(COMMANDS) as string[];
    for (const id of ids) assert.ok(contributed.some((c) => c.command === id), `${id} is not in contributes.commands`);
    for (const c of contributed) {
      assert.ok(ids.includes(c.command), `${c.command} is contributed but not in src/extension/commands/ids.ts`);
      assert.strictEqual(c.category, '%category%', `${c.command} has the Backend Guide category`);
    }
  });

  it('prefixes every setting and gives it a markdown description', () => {
    for (const section of manifest.contributes.configuration) {
      for (const [key, setting] of Object.entries<Record<string, unknown>>(section.properties)) {
        assert.match(key, /^backendGuide\./);
        assert.ok(setting.markdownDescription, `${key} has a markdownDescription`);
      }
    }
  });

  it('lists every rule in the backendGuide.rules setting with the severities the engine accepts', () => {
    const rules = manifest.contributes.configuration.flatMap((s: { properties: Record<string, any> }) => Object.entries(s.properties)).find(([k]: [string]) => k === 'backendGuide.rules')[1];
    for (const rule of allRules()) {
      const property = rules.properties[rule.meta.id];
      assert.ok(property, `backendGuide.rules.${rule.meta.id} is declared`);
      assert.deepStrictEqual(property.enum, ['off', 'hint', 'info', 'warning', 'error']);
      assert.strictEqual(property.default, rule.meta.defaultSeverity);
    }
  });

  it('resolves every %key% through package.nls.json', () => {
    const missing = nlsKeys(manifest).filter((key) => !(key in nls));
    assert.deepStrictEqual(missing, []);
  });

  it('shows no command in the palette that repeats the "Focus on <view> View" command VS Code makes for each view', () => {
    const viewNames = Object.values(manifest.contributes.views).flat().map((v: any) => nls[v.name.slice(1, -1)] ?? v.name);
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    const repeats = manifest.contributes.commands.filter((c: { command: string; title: string }) => {
      const title: string = nls[c.title.slice(1, -1)] ?? c.title;
      return viewNames.some((name) => new RegExp(`^(Show|Focus( on)?) (the )?${name} View$`, 'i').test(title)) && !hidden.has(c.command);
    });
    assert.deepStrictEqual(repeats.map((c: { command: string }) => c.command), []);
  });

  it('points every snippet and walkthrough media path at a file that exists', () => {
    for (const s of manifest.contributes.snippets ?? []) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
  });
});
