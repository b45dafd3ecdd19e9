/**
 * There is no Dockerfile grammar in @vscode/tree-sitter-wasm, so Dockerfile snippets are read here:
 * instructions joined across `\` continuations, known instruction names, exec forms that are JSON arrays of
 * strings, stages that exist, and a final stage that does not run as root. Shell-form commands are returned
 * for the caller to parse with a shell grammar (tree-sitter-bash).
 */

const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'ONBUILD',
  'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

/** Instructions of a Dockerfile, continuation lines joined, comments and blank lines left out. */
export function dockerInstructions(text: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1) : line;
    pending = pending ? { text: `${pending.text} ${part.trim()}`, line: pending.line } : { text: part.trim(), line: index + 1 };
    if (continued) return;
    const match = /^(\S+)\s*([\s\S]*)$/.exec(pending.text);
    if (match) instructions.push({ keyword: match[1], args: match[2].trim(), line: pending.line });
    pending = undefined;
  });
  if (pending) instructions.push({ keyword: '\\', args: 'a line continuation at the end of the file', line: pending.line });
  return instructions;
}

/** Options such as `--from=deps` or `--interval=30s` at the start of an instruction's arguments. */
function splitOptions(args: string): { options: Map<string, string>; rest: string } {
  const options = new Map<string, string>();
  let rest = args;
  for (let match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest); match; match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest)) {
    options.set(match[1], match[2] ?? '');
    rest = rest.slice(match[0].length);
  }
  return { options, rest };
}

export interface DockerfileCheck {
  problems: string[];
  /** Shell-form commands (RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD) for a shell parser to check. */
  shellCommands: { line: number; command: string }[];
}

/** Problems with a Dockerfile, and the shell commands it runs. */
export function checkDockerfile(text: string): DockerfileCheck {
  const problems: string[] = [];
  const shellCommands: DockerfileCheck['shellCommands'] = [];
  const instructions = dockerInstructions(text);
  const stages: string[] = [];
  let user: string | undefined;
  if (instructions.length === 0) return { problems: ['no instruction'], shellCommands };
  const first = instructions.find((i) => i.keyword !== 'ARG');
  if (first?.keyword !== 'FROM') problems.push('the first instruction (after ARG) must be FROM');
  const checkCommand = (instruction: DockerInstruction, command: string): void => {
    if (command.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(command);
      } catch {
        problems.push(`line ${instruction.line}: ${instruction.keyword} exec form is not a JSON array`);
        return;
      }
      if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((part) => typeof part === 'string')) {
        problems.push(`line ${instruction.line}: ${instruction.keyword} exec form must be a non-empty array of strings`);
      }
      return;
    }
    if (command === '') problems.push(`line ${instruction.line}: ${instruction.keyword} has an empty command`);
    else shellCommands.push({ line: instruction.line, command });
  };
  for (const instruction of instructions) {
    const { keyword, args, line } = instruction;
    if (keyword !== keyword.toUpperCase() || !INSTRUCTIONS.has(keyword)) {
      problems.push(`line ${line}: unknown instruction '${keyword}'`);
      continue;
    }
    if (args === '') problems.push(`line ${line}: ${keyword} has no arguments`);
    const { options, rest } = splitOptions(args);
    switch (keyword) {
      case 'FROM': {
        const match = /^(\S+)(?:\s+AS\s+([a-z][a-z0-9_.-]*))?$/i.exec(rest);
        if (!match) problems.push(`line ${line}: FROM must be 'FROM image[:tag] [AS name]'`);
        else stages.push(match[2]?.toLowerCase() ?? String(stages.length));
        user = undefined;
        break;
      }
      case 'COPY':
      case 'ADD': {
        const from = options.get('from');
        if (from !== undefined && !stages.slice(0, -1).includes(from.toLowerCase())) problems.push(`line ${line}: --from=${from} names no earlier stage`);
        if (rest.split(/\s+/).length < 2) problems.push(`line ${line}: ${keyword} needs a source and a destination`);
        break;
      }
      case 'RUN':
      case 'CMD':
      case 'ENTRYPOINT':
        checkCommand(instruction, rest);
        break;
      case 'HEALTHCHECK': {
        if (rest === 'NONE') break;
        const command = /^CMD\s+([\s\S]*)$/.exec(rest);
        if (!command) problems.push(`line ${line}: HEALTHCHECK must be 'HEALTHCHECK [options] CMD command'`);
        else checkCommand(instruction, command[1]);
        break;
      }
      case 'EXPOSE':
        if (!rest.split(/\s+/).every((port) => /^\d{1,5}(\/(tcp|udp))?$/.test(port))) problems.push(`line ${line}: EXPOSE takes port numbers`);
        break;
      case 'ENV':
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(rest)) problems.push(`line ${line}: write ENV as KEY=value`);
        break;
      case 'USER':
        user = rest;
        break;
    }
  }
  if (user === undefined || /^(root|0)(:|$)/.test(user)) problems.push('the final stage runs as root: add a USER instruction with an unprivileged user');
  return { problems, shellCommands };
}
