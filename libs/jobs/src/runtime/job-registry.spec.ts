import { JOB_NAMES, type JobName } from '@ledger/contracts';
import type { JobHandler } from './job-handler';
import { JobRegistry } from './job-registry';

const handler = (name: string, label = name): JobHandler => {
  const h = { name: name as JobName, handle: async () => label };
  Object.defineProperty(h, 'constructor', { value: { name: `${label}Handler` } });
  return h;
};

describe('JobRegistry: exactly one handler per job name, checked at start-up', () => {
  it('accepts one handler for every job name and finds it', async () => {
    const r = new JobRegistry(JOB_NAMES.map((n) => handler(n)));
    expect(r.names.sort()).toEqual([...JOB_NAMES].sort());
    await expect(
      r.handler('close-period').handle({ tenantId: '', closeId: '' }, { id: 'x', attempt: 1 }),
    ).resolves.toBe('close-period');
  });

  it.each([
    ['a missing handler', JOB_NAMES.slice(1).map((n) => handler(n)), [`job ${JOB_NAMES[0]} has no handler`]],
    [
      'two handlers for one job',
      [...JOB_NAMES.map((n) => handler(n)), handler('close-period', 'Second')],
      ['job close-period has two handlers'],
    ],
    [
      'a handler for an unknown job',
      [...JOB_NAMES.map((n) => handler(n)), handler('nightly-magic')],
      ['unknown job name nightly-magic'],
    ],
  ])('refuses %s, naming it', (_label, handlers, fragments) => {
    let message = '';
    try {
      new JobRegistry(handlers);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const f of fragments) expect(message).toContain(f);
  });
});
