import { TICKET_STATES } from '@ledger/contracts';
import { addProblem, problemIssue } from '@ledger/kernel';
import { z } from 'zod';
import { isJsonObject, oneOf } from '../shared/input-fields';
import { TicketImportMode } from './tickets.models';
import { decodeCursor } from './ticket-cursor';

/*
 * The ticket operations' arguments: shape, format and range (ValidateInput). Categories, severities, instants against
 * the contract's term and zone, the lifecycle's own rules and whether a number is taken need the contract and stay
 * in TicketsService, which reports them with these (`defer` mode) after the contract is found.
 */

export const MAX_PAGE = 200;
const STATES: readonly string[] = TICKET_STATES;

/** A ticket number as given: not starting with a blank, 64 characters at most. */
export const TICKET_NUMBER = /^[^\s].{0,63}$/u;

export const CHECKLIST_KEYS = [
  'script',
  'record',
  'jointReview',
  'backup',
  'testDatabase',
  'itConfirmation',
  'deletes',
] as const;

const state = z.string().superRefine((s, ctx) => {
  if (!STATES.includes(s)) addProblem(ctx, 'unknown.state', { value: s, known: STATES });
});

export const ticketsArgs = z.object({ state: state.nullish() });

export const ticketSearchArgs = z.object({
  filter: z
    .object({
      states: z.array(state).nullish(),
      severities: z
        .array(z.string().refine((s) => s.length <= 64, problemIssue('text.tooLong', { max: 64 })))
        .nullish()
        .refine((list) => (list ?? []).length <= 20, problemIssue('list.tooLong', { max: 20 })),
      text: z
        .string()
        .nullish()
        .refine((t) => (t?.trim() ?? '').length <= 100, problemIssue('text.tooLong', { max: 100 })),
    })
    .nullish(),
  first: z
    .number()
    .nullish()
    .refine(
      (n) => n == null || (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE),
      problemIssue('number.range', { min: 1, max: MAX_PAGE }),
    ),
  after: z
    .string()
    .nullish()
    .refine((c) => c == null || decodeCursor(c) !== null, problemIssue('page.cursor')),
});

/** Checked in `defer` mode: reported with the lifecycle's problems against the contract's configuration. */
export const createTicketArgs = z.object({
  input: z.object({
    // Absent or blank: the next free number is given.
    number: z
      .string()
      .nullish()
      .refine(
        (n) => (n?.trim() ?? '') === '' || TICKET_NUMBER.test(n?.trim() ?? ''),
        problemIssue('text.ticketNumber'),
      ),
  }),
});

/** Checked in `defer` mode: reported with the lifecycle's problems for the action on this ticket. */
export const transitionTicketArgs = z.object({
  input: z.object({
    checklist: z
      .unknown()
      .optional()
      .superRefine((c, ctx) => {
        if (c == null) return;
        if (!isJsonObject(c)) return addProblem(ctx, 'object.expected');
        for (const [k, v] of Object.entries(c)) {
          if (!(CHECKLIST_KEYS as readonly string[]).includes(k))
            addProblem(ctx, 'unknown.checklistItem', { known: CHECKLIST_KEYS }, [k]);
          else if (k === 'deletes' ? typeof v !== 'boolean' : typeof v !== 'boolean' && typeof v !== 'string')
            addProblem(ctx, k === 'deletes' ? 'boolean.expected' : 'ticket.checklistValue', {}, [k]);
        }
      }),
  }),
});

/** POST /imports/tickets: its query parameters (checked with argumentProblems; a REST route has no GraphQL arguments). */
export const ticketImportParams = z
  .object({
    contractId: z.string().optional(),
    mode: oneOf([TicketImportMode.ALL_OR_NOTHING, TicketImportMode.PARTIAL]).optional(),
    fileName: z
      .string()
      .refine((n) => n.length <= 255, problemIssue('text.tooLong', { max: 255 }))
      .optional(),
  })
  // An absent key is not parsed at all: the required contract is checked on the whole.
  .superRefine((params, ctx) => {
    if (!params.contractId) addProblem(ctx, 'value.required', {}, ['contractId']);
  });
