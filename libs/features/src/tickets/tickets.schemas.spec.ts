import { argumentProblems } from '../graphql/validate-input.interceptor';
import { ticketImportParams, ticketSearchArgs, transitionTicketArgs } from './tickets.schemas';

const said = (problems: { path: string; code: string; params: Record<string, string> }[]) =>
  problems.map((p) => [p.path, p.code, p.params]);

describe('ticket arguments', () => {
  it('an import upload: every query parameter problem at its name, a missing or empty contract said once', () => {
    expect(said(argumentProblems(ticketImportParams, { mode: 'SOME', fileName: 'x'.repeat(256) }))).toEqual([
      ['mode', 'value.oneOf', { values: 'ALL_OR_NOTHING, PARTIAL' }],
      ['fileName', 'text.tooLong', { max: '255' }],
      ['contractId', 'value.required', {}],
    ]);
    expect(said(argumentProblems(ticketImportParams, { contractId: undefined }))).toEqual([
      ['contractId', 'value.required', {}],
    ]);
    expect(said(argumentProblems(ticketImportParams, { contractId: '' }))).toEqual([
      ['contractId', 'value.required', {}],
    ]);
    expect(argumentProblems(ticketImportParams, { contractId: 'c', mode: 'PARTIAL', fileName: '工单.csv' })).toEqual(
      [],
    );
  });

  it('the board: page size, states, severities, text and cursor together', () => {
    const problems = argumentProblems(ticketSearchArgs, {
      filter: { states: ['effective', 'nope'], severities: ['L1', 'x'.repeat(65)], text: 'y'.repeat(101) },
      first: 0,
      after: 'not-a-cursor',
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'filter.states[1] unknown.state',
      'filter.severities[1] text.tooLong',
      'filter.text text.tooLong',
      'first number.range',
      'after page.cursor',
    ]);
  });

  it('a checklist: unknown items and wrong values, each at its key', () => {
    const problems = argumentProblems(transitionTicketArgs, {
      input: { checklist: { script: true, deletes: 'yes', extra: 1, record: 3 } },
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'input.checklist.deletes boolean.expected',
      'input.checklist.extra unknown.checklistItem',
      'input.checklist.record ticket.checklistValue',
    ]);
  });
});
