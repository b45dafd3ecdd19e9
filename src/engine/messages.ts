const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export interface FormattedMessage {
  text: string;
  /** Placeholder names that had no value in `data`. */
  missing: string[];
}

/** Fills `{{name}}` placeholders of a rule's message template. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): FormattedMessage {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(data, name)) return String(data[name]);
    missing.push(name);
    return whole;
  });
  return { text, missing };
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
