import { useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { FormField } from '../../components/form-field';
import { ErrorState } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { ticketLabel, ticketsMessages } from './tickets-messages';
import { type TicketRow, TRANSITION_TICKET, type TransitionInput } from './tickets-queries';

/** `<input type="datetime-local">` gives wall-clock time; the contracts' calendars are Beijing time (+08:00, no DST). */
export function beijingInstant(local: string): string | undefined {
  return local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : undefined;
}

const REASON_ACTIONS = ['withdraw', 'fail-business-test', 'report-problem', 'agree-unsolvable', 'pause', 'extend'];
const DATE_ACTIONS = ['set-expected-close-date', 'mark-special-attention'];
const CHECKLIST_ACTIONS = ['deploy', 'record-checklist'];

/**
 * One lifecycle action on a ticket: the actions the API says the caller's side may take now, with the parameters
 * that action takes. The lifecycle machine decides; its refusals come back as problems with paths and are shown.
 */
export function TicketActionForm({
  ticket,
  onDone,
}: {
  ticket: TicketRow;
  onDone(updated: TicketRow, action: string): void;
}) {
  const t = useMessages(ticketsMessages);
  const [action, setAction] = useState(ticket.availableActions[0] ?? '');
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [solvable, setSolvable] = useState(true);
  const [plannedTestDate, setPlannedTestDate] = useState('');
  const [affectsSettlement, setAffectsSettlement] = useState(false);
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [checklist, setChecklist] = useState('');
  const [checklistError, setChecklistError] = useState<string | null>(null);
  const [run, state] = useGraphqlMutation(TRANSITION_TICKET);

  if (!ticket.availableActions.length) return <p className="muted">{t.noActions}</p>;
  const chosen = ticket.availableActions.includes(action) ? action : ticket.availableActions[0];

  const submit = async () => {
    const input: TransitionInput = { ticketId: ticket.id, action: chosen, at: beijingInstant(at) };
    if (REASON_ACTIONS.includes(chosen)) input.reason = reason;
    if (chosen === 'feedback')
      Object.assign(input, { solvable, note: note || undefined, plannedTestDate: plannedTestDate || undefined });
    if (chosen === 'deploy') input.affectsSettlement = affectsSettlement;
    if (DATE_ACTIONS.includes(chosen)) input.date = date;
    if (chosen === 'pause') Object.assign(input, { from: beijingInstant(from), to: beijingInstant(to) });
    if (chosen === 'extend') input.to = date;
    if (CHECKLIST_ACTIONS.includes(chosen) && checklist.trim()) {
      try {
        input.checklist = JSON.parse(checklist) as unknown;
        setChecklistError(null);
      } catch {
        setChecklistError(t.checklistInvalid);
        return;
      }
    }
    try {
      const { transitionTicket } = await run({ input });
      onDone(transitionTicket, chosen);
    } catch {
      // the API's message and problems are shown from the mutation state
    }
  };

  return (
    <form
      className="ticket-action"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormField label={t.action}>
        {(p) => (
          <select {...p} value={chosen} onChange={(e) => setAction(e.target.value)}>
            {ticket.availableActions.map((a) => (
              <option key={a} value={a}>
                {ticketLabel(t, 'action', a)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {REASON_ACTIONS.includes(chosen) ? (
        <FormField label={t.reason}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </FormField>
      ) : null}
      {chosen === 'feedback' ? (
        <>
          <FormField label={t.solvable}>
            {(p) => (
              <select {...p} value={solvable ? 'yes' : 'no'} onChange={(e) => setSolvable(e.target.value === 'yes')}>
                <option value="yes">{t.yes}</option>
                <option value="no">{t.no}</option>
              </select>
            )}
          </FormField>
          <FormField label={t.plannedTestDate}>
            {(p) => (
              <input {...p} type="date" value={plannedTestDate} onChange={(e) => setPlannedTestDate(e.target.value)} />
            )}
          </FormField>
          <FormField label={t.feedbackNote}>
            {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
          </FormField>
        </>
      ) : null}
      {chosen === 'deploy' ? (
        <FormField label={t.affectsSettlement}>
          {(p) => (
            <select
              {...p}
              value={affectsSettlement ? 'yes' : 'no'}
              onChange={(e) => setAffectsSettlement(e.target.value === 'yes')}
            >
              <option value="no">{t.no}</option>
              <option value="yes">{t.yes}</option>
            </select>
          )}
        </FormField>
      ) : null}
      {DATE_ACTIONS.includes(chosen) || chosen === 'extend' ? (
        <FormField label={chosen === 'extend' ? t.extendTo : t.date}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </FormField>
      ) : null}
      {chosen === 'pause' ? (
        <>
          <FormField label={t.pauseFrom}>
            {(p) => <input {...p} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />}
          </FormField>
          <FormField label={t.pauseTo}>
            {(p) => <input {...p} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />}
          </FormField>
        </>
      ) : null}
      {CHECKLIST_ACTIONS.includes(chosen) ? (
        <FormField label={t.checklist} hint={t.checklistHint} error={checklistError}>
          {(p) => <textarea {...p} rows={3} value={checklist} onChange={(e) => setChecklist(e.target.value)} />}
        </FormField>
      ) : null}
      <FormField label={t.actionAt}>
        {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
      </FormField>
      {state.error ? <ErrorState error={state.error} /> : null}
      <button type="submit" disabled={state.running}>
        {state.running ? t.performing : format(t.perform, {})}
      </button>
    </form>
  );
}
