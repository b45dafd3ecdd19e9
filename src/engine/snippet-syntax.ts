/**
 * The syntax of VS Code snippet bodies (the TextMate dialect VS Code implements), read into a tree.
 * Text that is not valid snippet syntax stays literal, as in VS Code: `$` before a space, an unclosed `${1:`,
 * a choice without its closing `|}`. Pure: no `vscode` import.
 */

export type SnippetNode = SnippetText | SnippetTabstop | SnippetVariable;

export interface SnippetText {
  kind: 'text';
  value: string;
}

export interface SnippetTabstop {
  kind: 'tabstop';
  index: number;
  children: SnippetNode[];
  /** Options of a choice, `${1|one,two|}`; the first is the default. */
  choices?: string[];
  transform?: SnippetTransform;
}

export interface SnippetVariable {
  kind: 'variable';
  name: string;
  children: SnippetNode[];
  transform?: SnippetTransform;
}

export interface SnippetTransform {
  regex: RegExp;
  format: FormatPart[];
}

/** A piece of a transform's format: literal text, or a reference to a capture group. */
export type FormatPart = string | { group: number; shorthand?: string; ifValue?: string; elseValue?: string };

type TokenType = '$' | ':' | ',' | '{' | '}' | '\\' | '/' | '|' | '+' | '-' | '?' | 'int' | 'name' | 'other' | 'eof';

interface Token {
  type: TokenType;
  text: string;
}

const SINGLE_CHAR_TOKENS = new Set<string>(['$', ':', ',', '{', '}', '\\', '/', '|', '+', '-', '?']);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isNameStart = (ch: string): boolean => ch === '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');

/** Splits a body into tokens; the grammar's tokens do not depend on context, so this is done once up front. */
function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const take = (type: TokenType, end: number): void => {
    tokens.push({ type, text: body.slice(pos, end) });
    pos = end;
  };
  while (pos < body.length) {
    const ch = body[pos];
    let end = pos + 1;
    if (SINGLE_CHAR_TOKENS.has(ch)) take(ch as TokenType, end);
    else if (isDigit(ch)) {
      while (end < body.length && isDigit(body[end])) end++;
      take('int', end);
    } else if (isNameStart(ch)) {
      while (end < body.length && (isNameStart(body[end]) || isDigit(body[end]))) end++;
      take('name', end);
    } else {
      while (end < body.length && !SINGLE_CHAR_TOKENS.has(body[end]) && !isDigit(body[end]) && !isNameStart(body[end])) end++;
      take('other', end);
    }
  }
  tokens.push({ type: 'eof', text: '' });
  return tokens;
}

function appendText(into: SnippetNode[], value: string): void {
  const last = into[into.length - 1];
  if (last?.kind === 'text') last.value += value;
  else into.push({ kind: 'text', value });
}

/** Recursive descent with backtracking over the token list; each `parse*` returns false and rewinds on no match. */
class SnippetSyntaxReader {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  read(): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    while (this.parseAny(nodes)) { /* keep reading */ }
    return nodes;
  }

  private get token(): Token {
    return this.tokens[this.index];
  }

  /** Consumes the current token when it has the type (any type when undefined) and returns its text. */
  private accept(type?: TokenType): string | undefined {
    if (this.token.type === 'eof' || (type !== undefined && this.token.type !== type)) return undefined;
    return this.tokens[this.index++].text;
  }

  private rewind(to: number): false {
    this.index = to;
    return false;
  }

  private parseAny(into: SnippetNode[]): boolean {
    return this.parseEscaped(into) || this.parseShortTabstopOrVariable(into) || this.parseBracedTabstop(into)
      || this.parseBracedVariable(into) || this.parseLiteral(into);
  }

  private parseLiteral(into: SnippetNode[]): boolean {
    const text = this.accept();
    if (text === undefined) return false;
    appendText(into, text);
    return true;
  }

  private parseEscaped(into: SnippetNode[]): boolean {
    if (this.accept('\\') === undefined) return false;
    appendText(into, this.accept('$') ?? this.accept('}') ?? this.accept('\\') ?? '\\');
    return true;
  }

  private parseShortTabstopOrVariable(into: SnippetNode[]): boolean {
    const start = this.index;
    if (this.accept('$') === undefined) return false;
    const name = this.accept('name');
    if (name !== undefined) {
      into.push({ kind: 'variable', name, children: [] });
      return true;
    }
    const int = this.accept('int');
    if (int === undefined) return this.rewind(start);
    into.push({ kind: 'tabstop', index: Number(int), children: [] });
    return true;
  }

  private parseBracedTabstop(into: SnippetNode[]): boolean {
    const start = this.index;
    const int = this.accept('$') !== undefined && this.accept('{') !== undefined ? this.accept('int') : undefined;
    if (int === undefined) return this.rewind(start);
    const tabstop: SnippetTabstop = { kind: 'tabstop', index: Number(int), children: [] };
    if (this.accept(':') !== undefined) return this.parseBracedChildren(into, tabstop, `\${${int}:`);
    if (tabstop.index > 0 && this.accept('|') !== undefined) {
      const choices = this.parseChoices();
      if (!choices) return this.rewind(start);
      tabstop.choices = choices;
      into.push(tabstop);
      return true;
    }
    if (this.accept('/') !== undefined) {
      tabstop.transform = this.parseTransform();
      if (!tabstop.transform) return this.rewind(start);
      into.push(tabstop);
      return true;
    }
    if (this.accept('}') === undefined) return this.rewind(start);
    into.push(tabstop);
    return true;
  }

  private parseBracedVariable(into: SnippetNode[]): boolean {
    const start = this.index;
    const name = this.accept('$') !== undefined && this.accept('{') !== undefined ? this.accept('name') : undefined;
    if (name === undefined) return this.rewind(start);
    const variable: SnippetVariable = { kind: 'variable', name, children: [] };
    if (this.accept(':') !== undefined) return this.parseBracedChildren(into, variable, `\${${name}:`);
    if (this.accept('/') !== undefined) {
      variable.transform = this.parseTransform();
      if (!variable.transform) return this.rewind(start);
      into.push(variable);
      return true;
    }
    if (this.accept('}') === undefined) return this.rewind(start);
    into.push(variable);
    return true;
  }

  /** The default of `${1:...}` or `${NAME:...}`; unclosed at the end of the body, its opening becomes text. */
  private parseBracedChildren(into: SnippetNode[], owner: SnippetTabstop | SnippetVariable, opening: string): true {
    for (;;) {
      if (this.accept('}') !== undefined) {
        into.push(owner);
        return true;
      }
      if (this.parseAny(owner.children)) continue;
      appendText(into, opening);
      for (const child of owner.children) {
        if (child.kind === 'text') appendText(into, child.value);
        else into.push(child);
      }
      return true;
    }
  }

  /** After `${1|`: options separated by commas, ended by `|}`; `\,`, `\|` and `\\` are escapes. */
  private parseChoices(): string[] | undefined {
    const options: string[] = [];
    for (;;) {
      let option = '';
      while (this.token.type !== ',' && this.token.type !== '|') {
        if (this.accept('\\') !== undefined) option += this.accept(',') ?? this.accept('|') ?? this.accept('\\') ?? '\\';
        else {
          const text = this.accept();
          if (text === undefined) return undefined;
          option += text;
        }
      }
      if (option === '') return undefined;
      options.push(option);
      if (this.accept(',') !== undefined) continue;
      this.accept('|');
      return this.accept('}') !== undefined ? options : undefined;
    }
  }

  /** After `${1/` or `${NAME/`: `regex/format/options}`. */
  private parseTransform(): SnippetTransform | undefined {
    let source = '';
    while (this.accept('/') === undefined) {
      if (this.accept('\\') !== undefined) {
        source += this.accept('/') ?? '\\';
        continue;
      }
      const text = this.accept();
      if (text === undefined) return undefined;
      source += text;
    }
    const format: FormatPart[] = [];
    const appendLiteral = (text: string): void => {
      if (typeof format[format.length - 1] === 'string') format[format.length - 1] += text;
      else format.push(text);
    };
    while (this.accept('/') === undefined) {
      if (this.accept('\\') !== undefined) {
        appendLiteral(this.accept('\\') ?? this.accept('/') ?? '\\');
        continue;
      }
      const part = this.parseFormatReference();
      if (part) {
        format.push(part);
        continue;
      }
      const text = this.accept();
      if (text === undefined) return undefined;
      appendLiteral(text);
    }
    let flags = '';
    while (this.accept('}') === undefined) {
      const text = this.accept();
      if (text === undefined) return undefined;
      flags += text;
    }
    try {
      return { regex: new RegExp(source, flags), format };
    } catch {
      return undefined;
    }
  }

  /** `$1`, `${1}`, `${1:/upcase}`, `${1:+if}`, `${1:-else}`, `${1:?if:else}`, `${1:else}` in a transform's format. */
  private parseFormatReference(): Exclude<FormatPart, string> | undefined {
    const start = this.index;
    if (this.accept('$') === undefined) return undefined;
    const braced = this.accept('{') !== undefined;
    const int = this.accept('int');
    if (int === undefined) return void this.rewind(start);
    const group = Number(int);
    if (!braced || this.accept('}') !== undefined) return { group };
    if (this.accept(':') === undefined) return void this.rewind(start);
    if (this.accept('/') !== undefined) {
      const shorthand = this.accept('name');
      if (shorthand !== undefined && this.accept('}') !== undefined) return { group, shorthand };
    } else if (this.accept('+') !== undefined) {
      const ifValue = this.readUntil('}');
      if (ifValue) return { group, ifValue };
    } else if (this.accept('?') !== undefined) {
      const ifValue = this.readUntil(':');
      const elseValue = ifValue ? this.readUntil('}') : undefined;
      if (ifValue && elseValue) return { group, ifValue, elseValue };
    } else {
      this.accept('-');
      const elseValue = this.readUntil('}');
      if (elseValue) return { group, elseValue };
    }
    return void this.rewind(start);
  }

  /** Raw text up to (and consuming) a token of `end`'s type, with `\$`, `\}` and `\\` unescaped. */
  private readUntil(end: TokenType): string | undefined {
    let value = '';
    while (this.token.type !== end) {
      if (this.token.type === 'eof') return undefined;
      if (this.accept('\\') !== undefined) {
        const escaped = this.accept('$') ?? this.accept('}') ?? this.accept('\\');
        if (escaped === undefined) return undefined;
        value += escaped;
        continue;
      }
      value += this.accept();
    }
    this.accept();
    return value;
  }
}

/** Parses a snippet body into its syntax tree. Never throws: anything that is not snippet syntax is text. */
export function parseSnippet(body: string): SnippetNode[] {
  return new SnippetSyntaxReader(tokenize(body)).read();
}
