import { descendantsOfType, namedChildren } from '../ast';
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Rule, RuleContext } from '../rule';

const QUERY_METHODS = new Set(['query', 'execute']);
const SQL_START = /^\s*(select\s[\s\S]*\bfrom\b|insert\s+into\b|update\s+\S+\s+set\b|delete\s+from\b)/i;

/** The literal text at the start of a built string, for recognising SQL. */
function leadingText(node: Node): string | undefined {
  if (node.type === 'string') return node.text.slice(1, -1);
  if (node.type === 'template_string') {
    const first = namedChildren(node)[0];
    return first?.type === 'string_fragment' ? first.text : '';
  }
  if (node.type === 'binary_expression') {
    const left = node.childForFieldName('left');
    return left ? leadingText(left) : undefined;
  }
  return undefined;
}

function isBuilt(node: Node): boolean {
  if (node.type === 'template_string') return namedChildren(node).some((c) => c.type === 'template_substitution');
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '+') return false;
  const parts = [node.childForFieldName('left'), node.childForFieldName('right')];
  return parts.some((part) => part && !['string', 'number'].includes(part.type) && !(part.type === 'binary_expression' && !isBuilt(part)));
}

export const sqlConcatenation: Rule = {
  meta: {
    id: 'sql-concatenation',
    description: 'SQL text built from non-constant values and passed to a query API.',
    defaultSeverity: 'warning',
    languages: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'],
    references: [
      { id: 'CWE-89', url: 'https://cwe.mitre.org/data/definitions/89.html' },
      { id: 'OWASP A03:2021', url: 'https://owasp.org/Top10/A03_2021-Injection/' },
    ],
    messages: {
      concatenated: 'SQL text is built from {{how}} and passed to {{sink}}(): a value containing a quote can change the query (SQL injection). Pass the values as parameters instead.',
    },
    guideAnchor: 'security#sql-injection',
  },
  check(context: RuleContext) {
    for (const call of descendantsOfType(context.tree.rootNode, 'call_expression')) {
      const callee = call.childForFieldName('function');
      const method = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
      if (!method || !QUERY_METHODS.has(method)) continue;
      const first = call.childForFieldName('arguments')?.namedChildren[0];
      if (!first || !isBuilt(first)) continue;
      if (!SQL_START.test(leadingText(first) ?? '')) continue;
      context.report({ node: first, messageId: 'concatenated', data: { how: first.type === 'template_string' ? 'a template literal' : 'string concatenation', sink: method } });
    }
  },
};
