import { explanationFieldsResolver } from '../shared/explanation-fields.resolver';
import { AllowanceUsageModel } from './allowances.models';

/** An allowance's usage in the caller's language (`explanation`) and as code + params (`explained`). */
export const AllowanceUsageExplanationResolver = explanationFieldsResolver(AllowanceUsageModel, [
  {
    text: 'explanation',
    structured: 'explained',
    one: (u) => u.stored,
    description: "Used of the allowance, what is left or beyond, in the caller's language.",
  },
]);
