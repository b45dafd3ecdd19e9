import type { Node } from '@vscode/tree-sitter-wasm';
import { memberChain } from '../../ast';
import { isPassThroughPackage } from '../../project/pass-through';
import type { PassThroughTest } from './call-sites';
import type { StringEvaluator } from './string-building';

/**
 * Tells, in the analysed file, the callees that pass calls through to their first argument (`memoize(query)`,
 * see `project/pass-through.ts`): a known package's wrapper, through the project's modules when they are known
 * and by the file's own imports otherwise, or a function of another project file whose facts say it forwards.
 * A wrapper defined in the analysed file itself is not told (the project index does not follow it either).
 */
export function passThroughTest(ev: StringEvaluator): PassThroughTest {
  return (callee: Node) => {
    if (ev.crossFile) {
      const value = ev.crossFile.packageValueOf(callee);
      return value ? isPassThroughPackage(value.name, value.path) : ev.crossFile.forwardsOf?.(callee) === true;
    }
    const chain = memberChain(callee);
    const source = chain?.root.type === 'identifier' ? ev.imports.moduleOf(chain.root.text) : undefined;
    // (`import { memoize } from 'lodash'` binds the member's own name; `import _ from 'lodash'` the package)
    return !!chain && !!source && !/^[./~@#]\//.test(source) && !source.startsWith('.')
      && (isPassThroughPackage(source, chain.path) || isPassThroughPackage(source, [chain.root.text, ...chain.path]));
  };
}
