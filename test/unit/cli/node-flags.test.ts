import * as assert from 'assert';
import { flagGivenToNode, laterOptimisation, switchGivenToNode } from '../../../src/cli/node-flags';

describe('flagGivenToNode (node-flags.ts)', () => {
  const given = process.env.NODE_OPTIONS;
  afterEach(() => {
    if (given === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = given;
  });

  it('finds a V8 flag in NODE_OPTIONS in either spelling, and no other flag', () => {
    process.env.NODE_OPTIONS = '--max-old-space-size=4096 --semi_space_growth_factor=3';
    assert.strictEqual(flagGivenToNode('--semi-space-growth-factor'), true);
    assert.strictEqual(flagGivenToNode('--interrupt-budget'), false);
    process.env.NODE_OPTIONS = '--interrupt-budget=1000';
    assert.strictEqual(flagGivenToNode('--interrupt-budget'), true);
    assert.strictEqual(flagGivenToNode('--semi-space-growth-factor'), false);
    delete process.env.NODE_OPTIONS;
    assert.strictEqual(flagGivenToNode('--interrupt-budget'), process.execArgv.some((option) => option.includes('interrupt')));
  });

  it('finds a switch given either way, on or off, in either spelling', () => {
    for (const given of ['--wasm-loop-unrolling', '--no-wasm-loop-unrolling', '--nowasm-loop-unrolling', '--no_wasm_loop_unrolling', '--wasm_loop_unrolling']) {
      process.env.NODE_OPTIONS = `--max-old-space-size=4096 ${given}`;
      assert.strictEqual(switchGivenToNode('--wasm-loop-unrolling'), true, given);
    }
    process.env.NODE_OPTIONS = '--wasm-loop-peeling --no-wasm-tier-up';
    assert.strictEqual(switchGivenToNode('--wasm-loop-unrolling'), false);
  });

  it('makes V8 optimise later through the flags each V8 has: the interrupt budget on 11, call counts from 12 on', () => {
    assert.deepStrictEqual(laterOptimisation('11.3.244.8-node.34'), [['--interrupt-budget', 540_672]]);
    const counts = [['--invocation-count-for-turbofan', 24_000], ['--invocation-count-for-maglev', 3_200]];
    for (const version of ['12.4.254.21-node.57', '13.6.233.10-node.27', '14.6.202.34-node.40']) assert.deepStrictEqual(laterOptimisation(version), counts);
  });
});
