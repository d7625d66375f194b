import { gqlDocument, type ResultOf, type VariablesOf } from '../../api/graphql-client';
import { SCHEDULE_SUMMARY_FIELDS } from '../close/close-queries';

/** What the page reads of a configuration (a JSON scalar): the term and the scheme's period kind. */
export type Configuration = { term?: { start?: string; end?: string }; assessment?: { period?: string } | null };
export type Source = { key: string; label: string; presetId?: string; configuration: Configuration };
export type Change = { before: string | null; after: string | null; delta?: string };
/** The simulation's `diff`, a JSON scalar: the engine's before/after per line and in total. */
export type SimulationDiff = {
  lines: { id: string; net: Change; deductions: Change; status: Change; dueDate: Change }[];
  totals: { net: Change; deductions: Change };
  vendorBalanceOwed: Change;
};

export const SOURCES = gqlDocument(
  'query WhatIfSources { presets { id title configuration } contracts { id code name configuration } }',
);
export const SIMULATE = gqlDocument(
  `query Simulate($input: SimulateSettlementInput!) { simulateSettlement(input: $input) { schedule { asOf ...ScheduleSummaryFields } baseline { asOf
    ...ScheduleSummaryFields } diff } }`,
  [SCHEDULE_SUMMARY_FIELDS],
);
export type Simulation = ResultOf<typeof SIMULATE>['simulateSettlement'];
export type Schedule = Simulation['schedule'];
export type SimulateInput = VariablesOf<typeof SIMULATE>['input'];
