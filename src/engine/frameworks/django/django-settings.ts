import type { PyValue } from '../../languages/python/python-facts';
import type { PythonProject } from '../../languages/python/modules';

/** What the project's Django settings say about access control (every settings module merged: base, dev, prod). */
export interface DjangoSettings {
  /** `django.contrib.auth.middleware.LoginRequiredMiddleware` (Django 5.1) is in `MIDDLEWARE`. */
  loginRequiredMiddleware: boolean;
  /** `REST_FRAMEWORK['DEFAULT_PERMISSION_CLASSES']`, as written; undefined when not set (DRF then allows any). */
  defaultPermissions?: string[];
  /** `ROOT_URLCONF` module names. */
  rootUrlconfs: string[];
  /** The file that sets the middleware or permissions, for messages. */
  file?: string;
}

function names(value: PyValue | undefined): string[] | undefined {
  if (value?.kind !== 'list') return undefined;
  return value.items.map((i) => (i.kind === 'string' ? i.value : i.kind === 'name' ? i.name : i.kind === 'other' ? i.text : ''));
}

export function djangoSettings(project: PythonProject): DjangoSettings {
  const settings: DjangoSettings = { loginRequiredMiddleware: false, rootUrlconfs: [] };
  for (const [file, facts] of project.files) {
    for (const a of facts.assignments) {
      if (a.inFunction) continue;
      if (a.target === 'MIDDLEWARE' && names(a.value)?.some((m) => /LoginRequiredMiddleware$/.test(m))) {
        settings.loginRequiredMiddleware = true;
        settings.file ??= file;
      }
      if (a.target === 'ROOT_URLCONF' && a.value.kind === 'string') settings.rootUrlconfs.push(a.value.value);
      if (a.target === 'REST_FRAMEWORK' && a.value.kind === 'dict') {
        const entry = a.value.entries.find(([key]) => key === 'DEFAULT_PERMISSION_CLASSES');
        const list = names(entry?.[1]);
        if (list && !settings.defaultPermissions) {
          settings.defaultPermissions = list;
          settings.file ??= file;
        }
      }
    }
  }
  return settings;
}
