import type { Node } from '@vscode/tree-sitter-wasm';
import { asOneValue, join, textOf, valueOf, type Built } from './sql-text-builder';

/** A printf-style conversion (PHP `sprintf`, Java `String.format`, Ruby `format`/`%`): `%s`, `%1$s`, `%05.2f`, `%%`. */
const CONVERSION = /%(?:(\d+)\$)?[-+ 0'#.\d]*([a-zA-Z%])/g;
/** Conversions whose output is a number (or a character), whatever the argument held. */
const NUMERIC_CONVERSION = /^[bcdeEfFgGouxXiaA]$/;

/**
 * The pieces of `template` formatted with `args`: literal text between conversions, and each argument as one
 * value (numeric for number conversions). `format` is where the template is written.
 */
export function printfPieces(template: string, format: Node, args: readonly Node[], read: (node: Node) => Built, missing: Node): Built {
  const parts: Built[] = [];
  let at = 0;
  let next = 0;
  for (const m of template.matchAll(CONVERSION)) {
    parts.push(textOf(template.slice(at, m.index), format.startIndex, format.endIndex));
    at = (m.index ?? 0) + m[0].length;
    if (m[2] === '%' || m[2] === 'n') {
      parts.push(textOf(m[2] === '%' ? '%' : '\n', format.startIndex, format.endIndex));
      continue;
    }
    const arg = args[m[1] ? Number(m[1]) - 1 : next++];
    if (!arg) parts.push(valueOf(missing, 'unknown', 'a missing format argument'));
    else parts.push(NUMERIC_CONVERSION.test(m[2]) ? valueOf(arg, 'numeric', `%${m[2]} conversion`) : asOneValue(arg, read(arg), 'format argument'));
  }
  parts.push(textOf(template.slice(at), format.startIndex, format.endIndex));
  return join(parts, 'format');
}
