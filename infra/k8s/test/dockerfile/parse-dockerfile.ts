export interface Instruction {
  keyword: string;
  /** The instruction's text after the keyword, continuation lines joined. */
  args: string;
}

export interface Stage {
  /** The image the stage starts from, global ARG defaults substituted. */
  from: string;
  name?: string;
  instructions: Instruction[];
}

/**
 * Enough of the Dockerfile grammar to check what the images promise: comments and parser
 * directives dropped, backslash continuations joined, global ARG defaults substituted into FROM.
 */
export function parseDockerfile(text: string): Stage[] {
  const instructions = joinContinuations(text).map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });

  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      stages.push({
        from: substitute(image, globalArgs),
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        instructions: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (stage) stage.instructions.push(instruction);
    else if (instruction.keyword === 'ARG') {
      const [name = '', value = ''] = instruction.args.split('=');
      globalArgs.set(name, value);
    }
  }
  return stages;
}

function joinContinuations(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue; // comment lines inside a continued instruction
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    lines.push(`${pending}${line}`.trim());
    pending = '';
  }
  return lines;
}

function substitute(value: string, args: Map<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? '';
    return args.get(name) ?? '';
  });
}

/** The args of the stage's last instruction with this keyword. */
export function lastArgs(stage: Stage, keyword: string): string | undefined {
  return stage.instructions.filter((each) => each.keyword === keyword).at(-1)?.args;
}

/** `CMD`/`ENTRYPOINT` in exec form (a JSON array). */
export function execForm(args: string | undefined): string[] | undefined {
  if (!args?.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string')
    ? parsed
    : undefined;
}
