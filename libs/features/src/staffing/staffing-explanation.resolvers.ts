import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import { TurnoverClassModel } from './staffing.models';

/** Turnover per role class, in the caller's language (`explanation`) and as code + params (`explained`). */
export const TurnoverClassExplanationResolver = explanationFieldsResolver(TurnoverClassModel, [
  {
    text: 'explanation',
    structured: 'explained',
    one: (c) => c.stored,
    description: "Replaced ÷ planned against the cap, in the caller's language.",
  },
]);
