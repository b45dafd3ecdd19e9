import type { PyDecorator } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';
import type { RouteGuard } from '../../model/routes';
import { decoratorGuard } from '../python-guards';

/** A decorator as it applies to a view: `@method_decorator(login_required, name='post')` applies `login_required` to `post`. */
export interface AppliedDecorator {
  decorator: PyDecorator;
  /** The method of a class a `method_decorator` names (`name='post'`); absent for a plain decorator. */
  method?: string;
}

/** The decorators a list applies, `method_decorator(...)` unwrapped to what it is given. */
export function appliedDecorators(decorators: readonly PyDecorator[]): AppliedDecorator[] {
  return decorators.flatMap((d): AppliedDecorator[] => {
    if (!/(?:^|\.)method_decorator$/.test(d.name)) return [{ decorator: d }];
    const inner = d.call?.args[0] ?? d.call?.kwargs.decorator;
    const named = d.call?.kwargs.name;
    const method = named?.kind === 'string' ? named.value : undefined;
    const items = inner?.kind === 'list' ? inner.items : inner ? [inner] : [];
    return items.flatMap((i): AppliedDecorator[] => {
      if (i.kind === 'name') return [{ decorator: { name: i.name, start: d.start, end: d.end }, method }];
      if (i.kind === 'call') return [{ decorator: { name: i.callee, call: i, start: d.start, end: d.end }, method }];
      return [];
    });
  });
}

/** The guards of decorators on a view function or method (`@method_decorator(login_required)` included). */
export function decoratorsGuards(project: PythonProject, file: string, decorators: readonly PyDecorator[]): RouteGuard[] {
  return appliedDecorators(decorators).flatMap((a) => decoratorGuard(project, file, a.decorator) ?? []);
}
