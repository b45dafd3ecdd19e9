import * as assert from 'assert';
import { Grammars } from '../../../src/engine/parser';
import { directInt32Access } from '../../../src/engine/wasm-access';

/** A stand-in for the runtime's module: its own functions record what they were asked, over a DataView. */
function fakeRuntime() {
  const buffer = new ArrayBuffer(64);
  const view = new DataView(buffer);
  const calls: string[] = [];
  return {
    calls,
    view,
    HEAP32: new Int32Array(buffer),
    setValue(address: number, value: number, type = 'i8') {
      calls.push(`set ${type}`);
      if (type === 'i32') view.setInt32(address, value, true);
      else view.setInt8(address, value);
    },
    getValue(address: number, type = 'i8') {
      calls.push(`get ${type}`);
      return type === 'i32' ? view.getInt32(address, true) : view.getInt8(address);
    },
  };
}

describe('directInt32Access', () => {
  it('reads and writes 32-bit values at the same bytes as the runtime, without its functions', () => {
    const runtime = fakeRuntime();
    directInt32Access(runtime);
    runtime.setValue(8, -123456789, 'i32');
    assert.strictEqual(runtime.view.getInt32(8, true), -123456789);
    runtime.view.setInt32(12, 987654321, true);
    assert.strictEqual(runtime.getValue(12, 'i32'), 987654321);
    assert.deepStrictEqual(runtime.calls, []);
  });

  it('leaves other types to the runtime', () => {
    const runtime = fakeRuntime();
    directInt32Access(runtime);
    runtime.setValue(3, 7, 'i8');
    assert.strictEqual(runtime.getValue(3, 'i8'), 7);
    assert.deepStrictEqual(runtime.calls, ['set i8', 'get i8']);
  });

  it('reads the memory the runtime holds now, after it grew', () => {
    const runtime = fakeRuntime();
    directInt32Access(runtime);
    const grown = new ArrayBuffer(128);
    runtime.HEAP32 = new Int32Array(grown);
    runtime.setValue(100, 42, 'i32');
    assert.strictEqual(new DataView(grown).getInt32(100, true), 42);
  });

  it('wraps a runtime once, and leaves one without these members as it is', () => {
    const runtime = fakeRuntime();
    directInt32Access(runtime);
    const first = runtime.setValue;
    directInt32Access(runtime);
    assert.strictEqual(runtime.setValue, first);
    const bare: Record<string, unknown> = { locateFile: () => '' };
    directInt32Access(bare);
    assert.deepStrictEqual(Object.keys(bare), ['locateFile']);
  });

  it('gives the same trees through the real runtime: node types, ranges and fields', async () => {
    const parser = await new Grammars().parserFor('javascript');
    const tree = parser.parse("const app = express();\napp.get('/a', (req, res) => res.send(req.query.q));\n")!;
    try {
      const call = tree.rootNode.namedChildren[1]!.namedChildren[0]!;
      assert.strictEqual(call.type, 'call_expression');
      assert.deepStrictEqual([call.startIndex, call.endIndex], [23, 73]);
      assert.strictEqual(call.childForFieldName('function')?.text, 'app.get');
      assert.deepStrictEqual(call.childForFieldName('arguments')?.namedChildren.map((n) => n?.type), ['string', 'arrow_function']);
    } finally {
      tree.delete();
    }
  });
});
