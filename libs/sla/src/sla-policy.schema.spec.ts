import { validateSlaPolicy, type SlaPolicy } from './index';

const base: SlaPolicy = {
  severities: [
    { id: 'L1', name: '一级', rank: 1 },
    { id: 'L2', name: '二级', rank: 2 },
  ],
  targets: [{ id: 'resp', name: '电话响应', severities: ['L1', 'L2'], metric: 'response', stopEvent: 'responded', clock: 'calendar', duration: { minutes: 5 } }],
};

describe('validateSlaPolicy', () => {
  it('accepts a valid policy', () => {
    expect(validateSlaPolicy(base)).toEqual([]);
  });

  it('reports every semantic problem with its path', () => {
    const bad = {
      severities: [...base.severities, { id: 'L2', name: 'dup', rank: 1 }],
      targets: [
        ...base.targets,
        { id: 'resp', name: 'dup id', severities: ['L9'], metric: 'on-site', stopEvent: 'on-site', clock: 'calendar', duration: { minutes: 60 } },
        { id: 'fb', name: '反馈', severities: ['L1'], metric: 'feedback', stopEvent: 'feedback', clock: 'calendar', duration: { workingDays: 1, mode: 'elapsed' } },
        { id: 'fb2', name: '反馈', severities: ['L2'], metric: 'feedback', stopEvent: 'feedback', clock: 'working', duration: { workingDays: 1.5, mode: 'end-of-day' } },
        { id: 'resp2', name: 'second response', severities: ['L2'], metric: 'response', stopEvent: 'responded', clock: 'calendar', duration: { minutes: 10 } },
      ],
    };
    expect(validateSlaPolicy(bad)).toEqual([
      { path: 'severities[2].id', message: 'duplicate severity id "L2"' },
      { path: 'severities[2].rank', message: 'rank 1 is already used by "L1"' },
      { path: 'targets[1].id', message: 'duplicate target id "resp"' },
      { path: 'targets[1].severities[0]', message: 'unknown severity "L9" (known: L1, L2)' },
      { path: 'targets[2].duration', message: 'a duration in working days needs the working clock, not the 7×24 calendar clock' },
      { path: 'targets[3].duration.workingDays', message: '"end-of-day" counts whole working days' },
      { path: 'targets[4].severities[0]', message: 'severity "L2" already has a response target ("resp")' },
    ]);
  });

  it('reports structural problems from zod with paths', () => {
    const problems = validateSlaPolicy({
      severities: [],
      targets: [{ id: 'x', name: 'x', severities: [], metric: 'speed', stopEvent: 'responded', clock: 'working', duration: { minutes: -5 } }],
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['severities', 'targets[0].severities', 'targets[0].metric', 'targets[0].duration.minutes']));
  });
});
