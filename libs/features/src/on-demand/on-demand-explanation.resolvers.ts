import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import { OnDemandObligationModel } from './on-demand.models';

/** An on-demand period's tally, in the caller's language (`explanation`) and as code + params (`explained`). */
export const OnDemandObligationExplanationResolver = explanationFieldsResolver(OnDemandObligationModel, [
  {
    text: 'explanation',
    structured: 'explained',
    one: (o) => o.stored,
    description: "Calls, served, late, missed and open against the capacity, in the caller's language.",
  },
]);
