import { z } from 'zod';

/*
 * Sections whose language belongs to another library. Until @ledger/sla and @ledger/scoring publish
 * their schemas these are accepted as objects here and checked by those libraries' validators once
 * wired in (see validate-contract-config.ts). Kept in one file so the swap touches nothing else.
 */
export const calendarSectionSchema = z.record(z.string(), z.unknown()).describe('the sla library calendarConfigSchema');
export const slaPolicySectionSchema = z.record(z.string(), z.unknown()).describe('the sla library slaPolicySchema');
export const assessmentSectionSchema = z.record(z.string(), z.unknown()).describe('the scoring library assessmentSchemeSchema');
export const procurementSectionSchema = z.record(z.string(), z.unknown()).describe('the scoring library procurementSchemeSchema');

export type ExternalProblems = { path: string; message: string }[];
