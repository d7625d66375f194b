import { execFileSync, spawnSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

// Proves the domain core's purity rules fire at error level. Without this, a missing Nx project graph
// makes @nx/enforce-module-boundaries skip silently and lint passes while proving nothing.
const root = resolve(__dirname, '..');

type Case = { file: string; code: string; rule: string };

const DATA_ACCESS_PROBE =
  "import type { EntityManager } from 'typeorm';\nexport const x = (em: EntityManager) => em.query('SELECT 1');\n";

const forbidden: Case[] = [
  {
    file: 'libs/sla/src/__probe__.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'libs/scoring/src/__probe__.ts',
    code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'libs/contracts/src/__probe__.ts',
    code: "import { Queue } from 'bullmq';\nexport const x = Queue;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'libs/contracts/src/__probe__.ts',
    code: "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'libs/sla/src/__probe__.ts',
    code: "import Redis from 'ioredis';\nexport const x = Redis;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'libs/sla/src/__probe__.ts',
    code: "import { Pool } from 'pg';\nexport const x = Pool;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'libs/sla/src/__probe__.ts',
    code: "import { x as y } from '@ledger/contracts';\nexport const x = y;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    file: 'libs/scoring/src/__probe__.ts',
    code: "import { x as y } from '@ledger/sla';\nexport const x = y;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    file: 'libs/contracts/src/__probe__.ts',
    code: "import { TenantDatabase } from '@ledger/persistence';\nexport const x = TenantDatabase;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    file: 'libs/kernel/src/__probe__.ts',
    code: "import { x as y } from '@ledger/scoring';\nexport const x = y;\n",
    rule: '@nx/enforce-module-boundaries',
  },
  { file: 'libs/sla/src/__probe__.ts', code: 'export const t = Date.now();\n', rule: 'no-restricted-properties' },
  {
    file: 'libs/contracts/src/__probe__.ts',
    code: "export const m = parseFloat('1.1');\n",
    rule: 'no-restricted-globals',
  },
  {
    file: 'libs/contracts/src/__probe__.ts',
    code: 'export const m = (v: any) => v;\n',
    rule: '@typescript-eslint/no-explicit-any',
  },
  {
    file: 'libs/features/src/schedules/__probe__.ts',
    code: "import { PeriodCloseService } from '../period-close/period-close.service';\nexport const x = PeriodCloseService;\n",
    rule: 'no-restricted-imports',
  },
  // One data-access style: SQL and TypeORM reads only in a feature's repository or store.
  {
    file: 'libs/features/src/schedules/schedules.service.ts',
    code: DATA_ACCESS_PROBE,
    rule: 'no-restricted-syntax',
  },
  {
    file: 'libs/features/src/tickets/sla-scan.job.ts',
    code: "import type { EntityManager } from 'typeorm';\nexport const x = (em: EntityManager) => em.getRepository('t').createQueryBuilder('t');\n",
    rule: 'no-restricted-syntax',
  },
];

type LintMessage = { ruleId: string | null; severity: number; message: string };

/** Lints `code` as if it were `file`, with the project's real ESLint CLI and config. */
function lint(file: string, code: string): LintMessage[] {
  const run = spawnSync(
    resolve(root, 'node_modules/.bin/eslint'),
    ['--format', 'json', '--stdin', '--stdin-filename', file],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return result.messages;
}

describe('domain core purity is enforced by lint', () => {
  beforeAll(() => {
    // The Nx rule reads the cached project graph; build it as `npm run lint` does.
    execFileSync(resolve(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
  }, 120_000);

  it.each(forbidden)('$rule rejects a forbidden import or call in $file', ({ file, code, rule }) => {
    const errors = lint(file, code)
      .filter((m) => m.severity === 2)
      .map((m) => m.ruleId);
    expect(errors).toContain(rule);
  });

  it('allows the permitted direction (contracts → kernel)', () => {
    const code = "import { dec } from '@ledger/kernel';\nexport const x = dec(1);\n";
    expect(lint('libs/contracts/src/__probe__.ts', code).filter((m) => m.severity === 2)).toEqual([]);
  });
});

/** Folders of libs/features/src that are building blocks, not features: they import no feature. */
const API_SHARED = ['auth', 'config', 'database', 'graphql', 'http', 'shared', 'types', 'web'];

/** The folders each folder of libs/features/src imports (relative '../<folder>' imports of its production files). */
function apiFolderGraph(): Map<string, Set<string>> {
  const src = resolve(root, 'libs/features/src');
  const graph = new Map<string, Set<string>>();
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) && !/\.spec\.ts$/.test(f) ? [p] : [];
    });
  for (const folder of readdirSync(src).filter((f) => statSync(join(src, f)).isDirectory())) {
    const deps = new Set<string>();
    for (const file of files(join(src, folder))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/from '\.\.\/([a-z-]+)['/]/g)) deps.add(m[1]);
    }
    deps.delete(folder);
    graph.set(folder, deps);
  }
  return graph;
}

describe('features', () => {
  it('rejects a deep import into another feature and allows its public API', () => {
    const code = "import { PeriodCloseService } from '../period-close';\nexport const x = PeriodCloseService;\n";
    const errors = lint('libs/features/src/schedules/__probe__.ts', code).filter((m) => m.severity === 2);
    expect(errors).toEqual([]);
  });

  it('run SQL in their repositories and stores', () => {
    for (const file of [
      'libs/features/src/schedules/schedule.store.ts',
      'libs/features/src/tickets/tickets.repository.ts',
    ])
      expect(lint(file, DATA_ACCESS_PROBE).filter((m) => m.severity === 2)).toEqual([]);
  });

  it('import each other without a cycle', () => {
    expect(cyclesOf(apiFolderGraph())).toEqual([]);
  });

  it('are not imported by the shared building blocks', () => {
    const graph = apiFolderGraph();
    const wrong = API_SHARED.flatMap((f) =>
      [...(graph.get(f) ?? [])].filter((d) => !API_SHARED.includes(d)).map((d) => `${f} → ${d}`),
    );
    expect(wrong).toEqual([]);
  });
});

/** Every cycle a depth-first walk meets in an import graph, as `a → b → a`. */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

/** libs/contracts' files and what each imports of the others, `import type` included (a type-level cycle counts). */
function contractsFileGraph(): Map<string, Set<string>> {
  const src = resolve(root, 'libs/contracts/src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) && !/\.spec\.ts$/.test(f) ? [p] : [];
    });
  const all = new Set(files(src));
  const target = (from: string, spec: string) =>
    [`${resolve(from, '..', spec)}.ts`, join(resolve(from, '..', spec), 'index.ts')].find((c) => all.has(c));
  const graph = new Map<string, Set<string>>();
  for (const file of all) {
    const deps = new Set<string>();
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const t = target(file, m[1]);
      if (t) deps.add(t.slice(src.length + 1));
    }
    graph.set(file.slice(src.length + 1), deps);
  }
  return graph;
}

describe('libs/contracts', () => {
  it('has no import cycle between its files (the configuration schema and the payment rules included)', () => {
    const graph = contractsFileGraph();
    expect(graph.get('config/contract-config.schema.ts')?.size).toBeGreaterThan(0);
    expect(cyclesOf(graph)).toEqual([]);
  });
});
