import * as assert from 'assert';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { CALL_SITE_WORK } from '../../../src/engine/project/extract-call-sites';
import { extractIndexedFacts } from '../../../src/engine/project/extract-facts';
import type { FileFacts } from '../../../src/engine/project/facts';

// The call sites a file hands to other files are read within an amount of work, not of time: the same
// text gives the same facts however loaded the machine is.

async function factsOf(text: string): Promise<FileFacts> {
  const { tree } = await parseSource(sharedGrammars(), 'javascript', text, 60_000);
  try {
    return extractIndexedFacts(tree, text, '/p/routes.js', 'javascript', '', '/p');
  } finally {
    tree.delete();
  }
}

/** A file calling an imported function `calls` times with a constant. */
function calling(calls: number): string {
  return `const { find } = require('./db');\n${Array.from({ length: calls }, (_, i) => `find('t${i}');`).join('\n')}\n`;
}

/** The uses read as calls, and whether the rest was handed on (a use with no arguments, at the import). */
function summary(facts: FileFacts): { calls: number; handedOn: boolean } {
  return { calls: facts.callSites.filter((c) => c.args).length, handedOn: facts.callSites.some((c) => !c.args && c.at[0] === 0) };
}

describe('call-site facts within a work budget', () => {
  it('reads every call of a file within the budget', async () => {
    assert.deepStrictEqual(summary(await factsOf(calling(300))), { calls: 300, handedOn: false });
  });

  it('past the budget, stops at the same call every time and hands the rest on', async () => {
    const text = calling(CALL_SITE_WORK / 50 + 500);
    const first = summary(await factsOf(text));
    assert.strictEqual(first.handedOn, true);
    assert.ok(first.calls > 0 && first.calls < CALL_SITE_WORK / 50 + 500, `read ${first.calls} calls`);
    for (let run = 0; run < 2; run++) assert.deepStrictEqual(summary(await factsOf(text)), first);
  });
});
