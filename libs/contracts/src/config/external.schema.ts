import { assessmentSchemeSchema, procurementSchemeSchema } from '@ledger/scoring';
import { calendarConfigSchema, slaPolicySchema } from '@ledger/sla';

/*
 * Sections whose language belongs to another library: the configuration embeds their schemas as they are,
 * so a change there is a change here. Kept in one file so the wiring is visible in one place.
 */
export const calendarSectionSchema = calendarConfigSchema.describe(
  'the sla library calendarConfigSchema: time zone, working hours, overrides',
);
export const slaPolicySectionSchema = slaPolicySchema.describe(
  'the sla library slaPolicySchema: severities and targets with their clocks',
);
export const assessmentSectionSchema = assessmentSchemeSchema.describe(
  'the scoring library assessmentSchemeSchema: period, base, clamp, components, grades',
);
export const procurementSectionSchema = procurementSchemeSchema.describe('the scoring library procurementSchemeSchema');
