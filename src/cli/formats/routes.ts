import path = require('path');
import type { RouteRow } from '../../engine/rules/auth/route-report';
import { terminalLine } from './terminal-text';

const MARK: Record<RouteRow['verdict'], string> = {
  protected: 'protected', public: 'public', 'no-check-needed': 'no check needed', unprotected: 'UNPROTECTED', 'no-auth-app': 'public (no auth in app)',
};

/** `backend-guide routes`: routes grouped by app, each with its chain and verdict; or the same as JSON. */
export function formatRoutes(rows: readonly RouteRow[], root: string, format: string): string {
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  if (format === 'json') return `${JSON.stringify(rows.map((r) => ({ ...r, file: rel(r.file) })), null, 2)}\n`;
  const out: string[] = [];
  const apps = new Map<string, RouteRow[]>();
  for (const row of rows) apps.set(row.app, [...(apps.get(row.app) ?? []), row]);
  for (const [app, list] of apps) {
    out.push(app);
    for (const r of list) {
      out.push(`  ${`${r.method} ${r.path}`.padEnd(48)} ${MARK[r.verdict].padEnd(24)} ${r.detail}`);
      out.push(`  ${''.padEnd(48)} ${rel(r.file)}:${r.line}${r.middleware.length ? `  via ${r.middleware.join(' → ')}` : ''}`);
    }
    out.push('');
  }
  const count = (k: RouteRow['verdict']) => rows.filter((r) => r.verdict === k).length;
  out.push(`${rows.length} route(s): ${count('protected')} protected, ${count('public') + count('no-auth-app')} public, ${count('no-check-needed')} needing no check, ${count('unprotected')} unprotected`);
  return `${out.map(terminalLine).join('\n')}\n`;
}
