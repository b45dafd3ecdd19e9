import * as assert from 'assert';
import type { Node } from '@vscode/tree-sitter-wasm';
import { classCode, MAX_CODE } from '../../../src/engine/languages/python/class-code';
import { parseWithBudget, sharedGrammars } from '../../../src/engine/parser';
import { factsOfText } from '../../../src/engine/project/project-index';

/** Every class of `text` (by where its name starts) with its source as the rules read it: its first MAX_CODE characters. */
async function classSources(text: string): Promise<Map<number, string>> {
  const tree = parseWithBudget(await sharedGrammars().parserFor('python'), text, 10_000);
  try {
    return new Map(tree.rootNode.descendantsOfType('class_definition').map((c: Node | null) => [c!.childForFieldName('name')!.startIndex, c!.text.slice(0, MAX_CODE)]));
  } finally {
    tree.delete();
  }
}

/** Checks that each class's code, put together from the facts, is its source; gives the facts. */
async function checkClasses(text: string) {
  const facts = await factsOfText('/p/app.py', text, 'python', sharedGrammars(), '/p');
  const python = facts.python!;
  const sources = await classSources(text);
  assert.strictEqual(python.classes.length, sources.size, 'every class read');
  for (const cls of python.classes) assert.strictEqual(classCode(python, cls), sources.get(cls.start), `class ${cls.name}`);
  return python;
}

const method = (name: string, lines: number) => [`    def ${name}(self, request):`, ...Array.from({ length: lines }, (_, i) => `        x${i} = request.GET.get("k${i}")  # 🙂 ü`), '        return x0', ''].join('\n');

describe('Python class code', () => {
  it('keeps a class\'s text outside its methods, and puts the class together again as it was', async () => {
    const python = await checkClasses([
      'import functools',
      '',
      'class OrderView(LoginRequiredMixin, View):',
      '    """Orders: 🙂 ü."""',
      '    template_name = "orders.html"',
      '',
      '    @method_decorator(login_required)',
      '    def dispatch(self, request, *args, **kwargs):',
      '        return super().dispatch(request, *args, **kwargs)',
      '',
      '    # a comment between methods',
      '    async def get(self, request):',
      '        def helper():',
      '            return 1',
      '        return helper()',
      '',
      '    class Meta:',
      '        def inner(self):',
      '            raise PermissionDenied',
      '',
      '    if DEBUG:',
      '        def debug(self):',
      '            pass',
      '    post = get',
      '',
      'def make():',
      '    class Local:',
      '        def __call__(self, request):',
      '            raise HTTPException(status_code=401)',
      '    return Local',
      '',
    ].join('\n'));
    const view = python.classes.find((c) => c.name === 'OrderView')!;
    // the two `def`s of its body are kept as their functions' code only; decorators and comments stay outside
    assert.deepStrictEqual(view.codeParts.methods.map((i) => python.functions[i].name), ['dispatch', 'get']);
    assert.ok(view.codeParts.outside.includes('@method_decorator(login_required)') && view.codeParts.outside.includes('# a comment between methods'));
    assert.ok(!view.codeParts.outside.includes('super().dispatch') && !view.codeParts.outside.includes('def helper'));
    assert.ok(classCode(python, python.classes.find((c) => c.name === 'Local')!).includes('status_code=401'));
  });

  it('reads the first 4,000 characters of a class whose methods run past them, or whose first method is longer', async () => {
    await checkClasses(['class Long(View):', method('get', 60), method('post', 60), method('put', 60), '    tail = 1', ''].join('\n'));
    await checkClasses(['class Huge(View):', '    name = "x"', method('get', 200), method('post', 3), ''].join('\n'));
    await checkClasses(['class Attrs(Model):', ...Array.from({ length: 150 }, (_, i) => `    f${i} = models.CharField(max_length=${i})`), method('save', 3), ''].join('\n'));
  });

  it('keeps a method without a function fact (cut short by a syntax error) as text', async () => {
    await checkClasses(['class Broken(View):', '    def get(self, request):', '        return 1', '    def', '    x = 2', ''].join('\n'));
  });
});
