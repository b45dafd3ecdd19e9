import { parseGuideAnchor } from '../../engine/guide';

/** Where a link in a guide page leads. */
export type GuideLinkTarget =
  | { kind: 'guide'; anchor: string }
  | { kind: 'external'; url: string }
  | { kind: 'command'; command: string; args: unknown[] };

/** Parses `command:id` or `command:id?<url-encoded JSON arguments>` (VS Code's command URI form). */
export function parseCommandLink(href: string): { command: string; args: unknown[] } | undefined {
  const match = /^command:([A-Za-z0-9_.-]+)(?:\?(.*))?$/.exec(href.trim());
  if (!match) return undefined;
  if (!match[2]) return { command: match[1], args: [] };
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(match[2]));
    return { command: match[1], args: Array.isArray(parsed) ? parsed : [parsed] };
  } catch {
    return undefined;
  }
}

/**
 * Resolves a link clicked in chapter `current`: `#section`, `other.md#section` (any folder prefix, as
 * written for GitHub), web links, and command links. Unknown forms give `undefined` and are ignored.
 */
export function resolveGuideLink(href: string, current: string): GuideLinkTarget | undefined {
  if (/^(https?|mailto):/i.test(href)) return { kind: 'external', url: href };
  if (href.startsWith('command:')) {
    const command = parseCommandLink(href);
    return command && { kind: 'command', ...command };
  }
  const local = /^(?:(?:\.{1,2}\/)*(?:[\w-]+\/)*([a-z0-9][a-z0-9-]*)\.md)?(?:#([a-z0-9][a-z0-9-]*))?$/.exec(href);
  if (!local || (!local[1] && !local[2])) return undefined;
  const anchor = `${local[1] ?? current}${local[2] ? `#${local[2]}` : ''}`;
  return parseGuideAnchor(anchor) ? { kind: 'guide', anchor } : undefined;
}

/** Every link target written in Markdown: `[text](target)` and `<command:...>` autolinks; code is skipped. */
export function markdownLinkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const targets = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  targets.push(...[...prose.matchAll(/<(command:[^>\s]+)>/g)].map((m) => m[1]));
  return targets;
}
