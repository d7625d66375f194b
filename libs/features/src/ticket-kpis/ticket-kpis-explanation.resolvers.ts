import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import { TicketKpiModel } from './ticket-kpis.models';

/** A KPI's tally, in the caller's language (`explanation`) and as code + params (`explained`). */
export const TicketKpiExplanationResolver = explanationFieldsResolver(TicketKpiModel, [
  {
    text: 'explanation',
    structured: 'explained',
    one: (k) => k.stored,
    description:
      "Counted, achieved, the rate against the minimum and the tickets short of it, in the caller's language.",
  },
]);
