import { renderProblem, type Problem } from '@ledger/kernel';
import { validateSlaPolicy, type SlaPolicy } from './index';

/** Each problem as [path, code, parameters]: what the console renders in the reader's language. */
const coded = (problems: readonly Problem[]) => problems.map((p) => [p.path, p.code, p.params]);

const base: SlaPolicy = {
  severities: [
    { id: 'L1', name: '一级', rank: 1 },
    { id: 'L2', name: '二级', rank: 2 },
  ],
  targets: [
    {
      id: 'resp',
      name: '电话响应',
      severities: ['L1', 'L2'],
      metric: 'response',
      stopEvent: 'responded',
      clock: 'calendar',
      duration: { minutes: 5 },
    },
  ],
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
        {
          id: 'resp',
          name: 'dup id',
          severities: ['L9'],
          metric: 'on-site',
          stopEvent: 'on-site',
          clock: 'calendar',
          duration: { minutes: 60 },
        },
        {
          id: 'fb',
          name: '反馈',
          severities: ['L1'],
          metric: 'feedback',
          stopEvent: 'feedback',
          clock: 'calendar',
          duration: { workingDays: 1, mode: 'elapsed' },
        },
        {
          id: 'fb2',
          name: '反馈',
          severities: ['L2'],
          metric: 'feedback',
          stopEvent: 'feedback',
          clock: 'working',
          duration: { workingDays: 1.5, mode: 'end-of-day' },
        },
        {
          id: 'resp2',
          name: 'second response',
          severities: ['L2'],
          metric: 'response',
          stopEvent: 'responded',
          clock: 'calendar',
          duration: { minutes: 10 },
        },
      ],
    };
    const problems = validateSlaPolicy(bad);
    expect(coded(problems)).toEqual([
      ['severities[2].id', 'list.duplicateId', { value: 'L2', other: 'severities[1]' }],
      ['severities[2].rank', 'sla.rankTaken', { rank: '1', other: 'L1' }],
      ['targets[1].id', 'list.duplicateId', { value: 'resp', other: 'targets[0]' }],
      ['targets[1].severities[0]', 'unknown.severity', { value: 'L9', known: 'L1, L2' }],
      ['targets[2].duration', 'sla.workingDaysNeedWorkingClock', {}],
      ['targets[3].duration.workingDays', 'sla.endOfDayWhole', {}],
      ['targets[4].severities[0]', 'sla.duplicateMetricTarget', { severity: 'L2', metric: 'response', owner: 'resp' }],
    ]);
    // The English text stays the fallback message; the console renders the code in Chinese.
    expect(problems[1].message).toBe('rank 1 is already used by "L1"');
    expect(renderProblem('zh-CN', problems[1].code, problems[1].params)).toBe('级别序号 1 已被严重程度“L1”使用');
  });

  it('a clock per severity (coverage): every severity of the target exactly once, and either a clock or a coverage', () => {
    const target = base.targets[0];
    const withCoverage = (coverage: unknown, extra: Record<string, unknown> = {}) =>
      validateSlaPolicy({ ...base, targets: [{ ...target, clock: undefined, coverage, ...extra }] });
    expect(
      withCoverage([
        { severities: ['L2'], clock: 'calendar' },
        { severities: ['L1'], clock: 'working' },
      ]),
    ).toEqual([]);
    // L2 left without a clock; L1 twice; L3 not a severity of the target.
    expect(
      coded(
        withCoverage([
          { severities: ['L1'], clock: 'calendar' },
          { severities: ['L1', 'L3'], clock: 'working' },
        ]),
      ),
    ).toEqual([
      ['targets[0].coverage[1].severities[0]', 'sla.coverageTwice', { severity: 'L1', other: 'coverage[0]' }],
      ['targets[0].coverage[1].severities[1]', 'sla.coverageNotInTarget', { value: 'L3', known: 'L1, L2' }],
      ['targets[0].coverage', 'sla.coverageMissing', { severity: 'L2' }],
    ]);
    expect(coded(withCoverage([{ severities: ['L1', 'L2'], clock: 'working' }], { clock: 'calendar' }))).toEqual([
      ['targets[0].coverage', 'sla.clockAndCoverage', {}],
    ]);
    expect(coded(withCoverage(undefined))).toEqual([['targets[0].clock', 'sla.clockRequired', {}]]);
    // A working-day budget needs the working clock for every severity it covers.
    expect(
      coded(
        withCoverage(
          [
            { severities: ['L1'], clock: 'working' },
            { severities: ['L2'], clock: 'calendar' },
          ],
          { duration: { workingDays: 1, mode: 'elapsed' } },
        ),
      ),
    ).toEqual([['targets[0].duration', 'sla.workingDaysNeedWorkingClock', {}]]);
    expect(renderProblem('zh-CN', 'sla.coverageMissing', { severity: 'L2' })).toBe(
      '严重程度“L2”没有计时方式：请在 coverage 中指定 7×24 或工作时间',
    );
  });

  it('reports structural problems from zod with paths', () => {
    const problems = validateSlaPolicy({
      severities: [],
      targets: [
        {
          id: 'x',
          name: 'x',
          severities: [],
          metric: 'speed',
          stopEvent: 'responded',
          clock: 'working',
          duration: { minutes: -5 },
        },
      ],
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'severities',
        'targets[0].severities',
        'targets[0].metric',
        'targets[0].duration.minutes',
      ]),
    );
  });
});
