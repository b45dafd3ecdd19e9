import path = require('path');

/**
 * Whether an import written in `importer` (`from .extensions import talisman`, `from app.main import app`)
 * can load `candidate`: a relative module from the importer's package, an absolute one from any folder of
 * the project (its root is not known: `src/` layouts, several services). With `name`, the module may also
 * be a package whose submodule `name` is imported (`from . import views`).
 */
export function importReaches(importer: string, module: string, candidate: string, name?: string): boolean {
  const target = candidate.split(path.sep).join('/');
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split('.').filter(Boolean);
  const endings = (base: string[]): string[] => {
    const joined = base.join('/');
    const own = joined ? [`${joined}.py`, `${joined}/__init__.py`] : ['__init__.py'];
    return name ? [...own, `${joined ? `${joined}/` : ''}${name}.py`] : own;
  };
  if (dots === 0) return endings(parts).some((ending) => target === ending || target.endsWith(`/${ending}`));
  let base = path.dirname(importer).split(path.sep).join('/');
  for (let i = 1; i < dots; i++) base = path.posix.dirname(base);
  return endings(parts).some((ending) => target === `${base}/${ending}`);
}
