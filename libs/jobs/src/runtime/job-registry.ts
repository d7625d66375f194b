import { JOB_NAMES, type JobName } from '@ledger/contracts';
import type { JobHandler } from './job-handler';

/**
 * Job name → its handler. Built once at start-up from the handlers the module provides; refuses to start when a
 * job name has no handler or more than one, so a queued job can never find nobody (or two) to run it.
 */
export class JobRegistry {
  private readonly byName: ReadonlyMap<JobName, JobHandler>;

  constructor(handlers: readonly JobHandler[]) {
    const problems: string[] = [];
    const map = new Map<JobName, JobHandler>();
    for (const h of handlers) {
      if (!JOB_NAMES.includes(h.name))
        problems.push(`handler ${h.constructor.name} is for an unknown job name ${h.name}`);
      else if (map.has(h.name))
        problems.push(`job ${h.name} has two handlers: ${map.get(h.name)?.constructor.name} and ${h.constructor.name}`);
      else map.set(h.name, h);
    }
    for (const name of JOB_NAMES) if (!map.has(name)) problems.push(`job ${name} has no handler`);
    if (problems.length) throw new Error(`job handlers are not one per job name:\n  ${problems.join('\n  ')}`);
    this.byName = map;
  }

  handler(name: JobName): JobHandler {
    const h = this.byName.get(name);
    if (!h) throw new Error(`no handler for job ${name}`);
    return h;
  }

  get names(): JobName[] {
    return [...this.byName.keys()];
  }
}
