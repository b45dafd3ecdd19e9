import * as assert from 'assert';
import { flagGivenToNode, switchGivenToNode, v8HasInterruptBudget } from '../../../src/cli/node-flags';

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

  it('has the interrupt budget set only on V8 versions that have the flag (11, not 12 or 13)', () => {
    assert.strictEqual(v8HasInterruptBudget('11.3.244.8-node.34'), true);
    assert.strictEqual(v8HasInterruptBudget('12.4.254.21-node.57'), false);
    assert.strictEqual(v8HasInterruptBudget('12.9.202.28-node.14'), false);
    assert.strictEqual(v8HasInterruptBudget('13.6.233.10-node.27'), false);
    assert.strictEqual(v8HasInterruptBudget(), Number(process.versions.v8.split('.')[0]) <= 11);
  });
});
