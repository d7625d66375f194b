import { readdirSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';

/*
 * Every validation problem is a code with parameters (issue 12): the type of Problem makes a hand-built problem carry
 * one, but a zod refinement given a bare message string (or no message) still reaches the console as the generic
 * `value.invalid` (取值无效). This scan keeps such refinements out of the sources that validate user input.
 */
const root = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = [
  join(root, 'apps/api/src'),
  join(root, 'apps/worker/src'),
  ...readdirSync(join(root, 'libs')).map((lib) => join(root, 'libs', lib, 'src')),
].flatMap((dir) => {
  try {
    return sources(dir);
  } catch {
    return [];
  }
});

/** The top-level arguments of every call `name(…)` in `text` (strings and nested brackets skipped). */
function callArguments(text: string, name: string): string[][] {
  const calls: string[][] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const args: string[] = [];
    let depth = 1;
    let start = at + name.length;
    let i = start;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (c === "'" || c === '"' || c === '`') {
        for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      } else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        depth--;
        if (depth === 0) args.push(text.slice(start, i));
      } else if (c === ',' && depth === 1) {
        args.push(text.slice(start, i));
        start = i + 1;
      }
    }
    calls.push(args.map((a) => a.trim()).filter((a) => a !== ''));
  }
  return calls;
}

describe('validation problems carry codes', () => {
  it('finds the sources it scans', () => {
    expect(files.map((f) => relative(root, f))).toEqual(
      expect.arrayContaining([
        'libs/contracts/src/config/common.schema.ts',
        'libs/features/src/tickets/tickets.service.ts',
      ]),
    );
  });

  it('reads the arguments of a call', () => {
    expect(callArguments("z.string().refine((v) => f(v, ','), 'a (b), c')", '.refine(')).toEqual([
      ["(v) => f(v, ',')", "'a (b), c'"],
    ]);
  });

  it('every zod .refine names its problem code (problemIssue), never a bare message', () => {
    const uncoded = files.flatMap((f) =>
      callArguments(readFileSync(f, 'utf8'), '.refine(')
        .filter((args) => !(args[1] ?? '').includes('problemIssue('))
        .map((args) => `${relative(root, f)}: .refine(${args.join(', ').slice(0, 120)})`),
    );
    expect(uncoded).toEqual([]);
  });

  it('custom zod issues are added through the kernel (addProblem / addProblemAt), which carries the code', () => {
    const raw = files
      .filter((f) => relative(root, f) !== join('libs', 'kernel', 'src', 'problem.ts'))
      .filter((f) => /\.addIssue\(/.test(readFileSync(f, 'utf8')));
    expect(raw.map((f) => relative(root, f))).toEqual([]);
  });
});
