// Engine explanations (codes + parameters) rendered from the one dictionary the exports use too. The web has no
// @ledger aliases; the dictionary is dependency-free, so it is imported by relative path.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the web bundle has no @ledger aliases (Node code must not reach it); this one file is dependency-free
import {
  deductionKindText,
  describeCalendarVersion,
  describeVersions,
  renderBasis,
  renderExplanation,
} from '../../../../libs/contracts/src/explain/explanation-texts';
import { gqlDocument, type ResultOf } from '../api/graphql-client';
import type { Locale } from '../i18n/messages';

/** An explanation as the API sends it (code, params as name/value pairs, text in the request's language): `...ExplanationFields`. */
export const EXPLANATION_FIELDS = gqlDocument(
  'fragment ExplanationFields on Explanation { code params { name value } text }',
);
export type ExplanationView = ResultOf<typeof EXPLANATION_FIELDS>;

/** The explanation in the console's language (the API's `text` follows Accept-Language, not the console's choice). */
export function explanationText(e: ExplanationView | null | undefined, locale: Locale): string {
  if (!e) return '';
  return renderExplanation(
    { code: e.code, params: Object.fromEntries(e.params.map((p) => [p.name, p.value])) },
    locale,
  );
}

/** A counted unit of a procurement item in the console's language (the schemes store 业绩, 证书, …); another unit as typed. */
export const procurementUnitInWords = (unit: string, locale: Locale): string =>
  renderExplanation({ code: 'procurement.unit', params: { unit } }, locale);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A deduction's `basis` in words: a JSON scalar, the engine's facts by name (an object; anything else has no words). */
export const basisInWords = (basis: unknown, locale: Locale): string =>
  isRecord(basis) ? renderBasis(basis, locale) : '';
export const deductionKindInWords = (kind: string, locale: Locale): string => deductionKindText(kind, locale);

/** Versions as people say them ("2026 国家日历 v1 · 配置第 3 版"), never the engine's version string. */
export const calendarVersionInWords = (version: string, locale: Locale): string =>
  describeCalendarVersion(version, locale);
export const versionsInWords = (
  calendarVersion: string | null | undefined,
  configVersion: number | null | undefined,
  locale: Locale,
): string => describeVersions(calendarVersion, configVersion, locale);
