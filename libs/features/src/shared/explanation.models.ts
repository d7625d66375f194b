import { Field, ObjectType } from '@nestjs/graphql';
import { renderExplanation, toExplanation, type ExplanationLocale } from '@ledger/contracts';
import type { Request } from 'express';

@ObjectType('ExplanationParam', {
  description: 'One parameter of an explanation: numbers as exact decimal strings, dates as YYYY-MM-DD.',
})
export class ExplanationParamModel {
  @Field({ description: 'The parameter name, as used in the code’s text.' })
  name!: string;

  @Field({ description: 'The value as text.' })
  value!: string;
}

@ObjectType('Explanation', {
  description:
    "An engine explanation (domain rule 19): a stable code, its parameters, and its text in the caller's language.",
})
export class ExplanationModel {
  @Field({
    description:
      'Stable code (payment.deduction.per-point, score.staff-average, …); legacy.text for a result stored before codes.',
  })
  code!: string;

  @Field(() => [ExplanationParamModel], { description: 'The parameters of the code, by name.' })
  params!: ExplanationParamModel[];

  @Field({ description: 'Rendered from the zh-CN (default) or English dictionary, by Accept-Language.' })
  text!: string;
}

/** The caller's language: English when Accept-Language prefers it, else zh-CN (the product's default). */
export function requestLocale(req: Pick<Request, 'headers'> | undefined): ExplanationLocale {
  const header = req?.headers?.['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** Any stored form (structured, or a legacy English sentence) as the GraphQL model. */
export function explanationModel(stored: unknown, locale: ExplanationLocale): ExplanationModel {
  const e = toExplanation(stored);
  // By name: a stored explanation comes back from jsonb with its keys in jsonb's order.
  const params = Object.entries(e.params)
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { code: e.code, params, text: renderExplanation(e, locale) };
}
