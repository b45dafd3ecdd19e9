import * as assert from 'assert';
import { sharedGrammars } from '../../../src/engine/parser';
import { factsOfText } from '../../../src/engine/project/project-index';

const facts = (text: string, fileName = '/p/app.py') => factsOfText(fileName, text, 'python', sharedGrammars(), '/p');

async function attrsOf(text: string, className: string) {
  const read = await facts(text);
  const cls = read.python?.classes.find((c) => c.name === className);
  assert.ok(cls, `class ${className} read`);
  return cls.attrs;
}

describe('Python class attribute facts', () => {
  it('keep every attribute by name, and of a value only what the models read', async () => {
    const attrs = await attrsOf([
      'from django.db import models',
      'from fastapi import Depends',
      'class Site(models.Model):',
      '    name = models.CharField(max_length=100, unique=True, help_text="The site\'s name")',
      '    API_PREFIX = ("/api/v1")',
      '    DEBUG = False',
      '    base = settings.BASE',
      '    user = Depends(get_current_user)',
      '    db = fastapi.Security(scheme, scopes=["read"])',
      '    fields = ("id", "name", "slug")',
      '    choices = {"a": 1}',
      '    size = 2 * 1024',
      '',
    ].join('\n'), 'Site');
    assert.deepStrictEqual(Object.keys(attrs), ['name', 'API_PREFIX', 'DEBUG', 'base', 'user', 'db', 'fields', 'choices', 'size']);
    // a model field: its callee, without its arguments or its text
    assert.deepStrictEqual({ ...attrs.name, start: 0 }, { kind: 'call', callee: 'models.CharField', args: [], kwargs: {}, start: 0, line: 3, column: 11, text: '' });
    assert.deepStrictEqual(attrs.API_PREFIX, { kind: 'string', value: '/api/v1' });
    assert.deepStrictEqual(attrs.DEBUG, { kind: 'name', name: 'False' });
    assert.deepStrictEqual(attrs.base, { kind: 'name', name: 'settings.BASE' });
    // dependencies whole, whatever module names them
    const user = attrs.user;
    assert.ok(user.kind === 'call' && user.callee === 'Depends');
    assert.deepStrictEqual(user.args, [{ kind: 'name', name: 'get_current_user' }]);
    assert.ok(user.text.includes('get_current_user'));
    const db = attrs.db;
    assert.ok(db.kind === 'call');
    assert.deepStrictEqual(db.kwargs.scopes, { kind: 'list', items: [{ kind: 'string', value: 'read' }] });
    for (const name of ['fields', 'choices', 'size']) assert.deepStrictEqual(attrs[name], { kind: 'other', text: '' }, name);
  });

  it('keep permission_classes whole, whatever it holds', async () => {
    const attrs = await attrsOf('class V(APIView):\n    permission_classes = [IsAuthenticated, HasScope("admin"), "legacy"]\n', 'V');
    const value = attrs.permission_classes;
    assert.ok(value.kind === 'list');
    assert.deepStrictEqual(value.items.map((i) => i.kind), ['name', 'call', 'string']);
    const scope = value.items[1];
    assert.ok(scope.kind === 'call');
    assert.deepStrictEqual(scope.args, [{ kind: 'string', value: 'admin' }]);
  });

  it('leave the arguments of a model\'s fields out', async () => {
    const model = ['class Device(models.Model):', ...Array.from({ length: 40 }, (_, i) => `    f${i} = models.CharField(max_length=${i + 1}, blank=True, verbose_name=_("field ${i}"), help_text=_("what field ${i} holds"))`), ''].join('\n');
    const read = await facts(model);
    const json = JSON.stringify(read.python?.classes[0].attrs);
    // kept whole, each call's arguments and text made the attributes' facts about 2.5 times their source
    assert.ok(json.length < model.length, `${json.length} characters of facts for ${model.length} of source`);
    assert.ok(!json.includes('help_text') && !json.includes('what field'));
  });
});
