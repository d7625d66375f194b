import { useState } from 'react';
import { useGraphqlMutation } from '../../api/use-graphql';
import { ChoiceField, FormField } from '../../components/form-field';
import { ErrorState, problemsOf, useProblemText } from '../../components/query-state';
import { format, useMessages } from '../../i18n/i18n';
import { beijingInstant } from './ticket-action-form';
import { ticketsMessages } from './tickets-messages';
import { CREATE_TICKET, type CreateTicketInput, type TicketRow } from './tickets-queries';

export type TicketTaxonomy = {
  categories: string[];
  businessAreas: string[];
  severities: { id: string; name: string }[];
  specialAttention: boolean;
};

/** Reads the choices a ticket may take from the contract's current configuration (the API checks them again). */
export function taxonomyOf(configuration: unknown): TicketTaxonomy {
  const cfg = (typeof configuration === 'object' && configuration !== null ? configuration : {}) as {
    taxonomy?: { categories?: string[]; businessAreas?: string[]; specialAttention?: { enabled?: boolean } };
    sla?: { policy?: { severities?: { id: string; name: string; rank: number }[] } };
  };
  return {
    categories: cfg.taxonomy?.categories ?? [],
    businessAreas: cfg.taxonomy?.businessAreas ?? [],
    severities: [...(cfg.sla?.policy?.severities ?? [])].sort((a, b) => b.rank - a.rank),
    specialAttention: cfg.taxonomy?.specialAttention?.enabled ?? false,
  };
}

/** The buyer's 联系单: category, area and severity from the contract; every problem of a refusal at its path. */
export function CreateTicketForm({
  contractId,
  taxonomy,
  onCreated,
}: {
  contractId: string;
  taxonomy: TicketTaxonomy;
  onCreated(ticket: TicketRow): void;
}) {
  const t = useMessages(ticketsMessages);
  const [category, setCategory] = useState('');
  const [businessArea, setBusinessArea] = useState('');
  const [severity, setSeverity] = useState('');
  const [title, setTitle] = useState('');
  const [number, setNumber] = useState('');
  const [special, setSpecial] = useState(false);
  const [expected, setExpected] = useState('');
  const [at, setAt] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [run, state] = useGraphqlMutation(CREATE_TICKET);
  const problemText = useProblemText();
  const problemAt = (path: string) => {
    const p = problemsOf(state.error).find((x) => x.path === path);
    return p ? problemText(p) : null;
  };

  const submit = async () => {
    const input: CreateTicketInput = {
      contractId,
      category,
      severity,
      businessArea: businessArea || undefined,
      title: title || undefined,
      number: number || undefined,
      specialAttention: special || undefined,
      expectedCloseDate: expected || undefined,
      at: beijingInstant(at),
    };
    try {
      const { createTicket } = await run({ input });
      setCreated(createTicket.number);
      setTitle('');
      setNumber('');
      onCreated(createTicket);
    } catch {
      // shown from the mutation state
    }
  };

  return (
    <form
      className="create-ticket"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="form-grid">
        <FormField label={t.ticketTitle}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        <ChoiceField
          label={t.category}
          error={problemAt('input.category')}
          value={category}
          choices={taxonomy.categories}
          blank={t.choose}
          onChange={setCategory}
        />
        <FormField label={t.severity} error={problemAt('input.severity')}>
          {(p) => (
            <select {...p} value={severity} onChange={(e) => setSeverity(e.target.value)}>
              <option value="">{t.choose}</option>
              {taxonomy.severities.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <ChoiceField
          label={t.businessArea}
          error={problemAt('input.businessArea')}
          value={businessArea}
          choices={taxonomy.businessAreas}
          blank={t.none}
          onChange={setBusinessArea}
        />
        <FormField label={t.number} error={problemAt('input.number')}>
          {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} />}
        </FormField>
        {taxonomy.specialAttention ? (
          <FormField label={t.specialAttention}>
            {(p) => (
              <select {...p} value={special ? 'yes' : 'no'} onChange={(e) => setSpecial(e.target.value === 'yes')}>
                <option value="no">{t.no}</option>
                <option value="yes">{t.yes}</option>
              </select>
            )}
          </FormField>
        ) : null}
        <FormField label={t.expectedCloseDate} error={problemAt('input.expectedCloseDate')}>
          {(p) => <input {...p} type="date" value={expected} onChange={(e) => setExpected(e.target.value)} />}
        </FormField>
        <FormField label={t.submittedAt} error={problemAt('input.at')}>
          {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
        </FormField>
      </div>
      {state.error ? <ErrorState error={state.error} /> : null}
      {created ? (
        <p className="ok" role="status">
          {format(t.created, { number: created })}
        </p>
      ) : null}
      <button type="submit" disabled={state.running}>
        {state.running ? t.creating : t.create}
      </button>
    </form>
  );
}
