import { z } from 'zod';
import data from './data/cn-national-calendar.json';

const namedDay = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  name: z.string(),
  nameEn: z.string().optional(),
});

/** Shape of `data/cn-national-calendar.json` (see scripts/generate-national-calendar.ts). */
export const nationalCalendarSchema = z.object({
  version: z.string().min(1),
  source: z.object({ package: z.string(), version: z.string() }).optional(),
  years: z
    .array(
      z.object({
        year: z.number().int(),
        /** 'provisional': built by provisional-calendar.ts for a year not yet published (domain rule 18). */
        status: z.enum(['published', 'provisional']),
        holidays: z.array(namedDay),
        makeUpWorkdays: z.array(namedDay),
      }),
    )
    .min(1),
});

export type NationalCalendar = z.infer<typeof nationalCalendarSchema>;
export type NationalDay = z.infer<typeof namedDay>;

/**
 * The Chinese national calendar (statutory holidays and 调休/补班 make-up working days) for the
 * published years, generated from `chinese-days` at build time. Parsed once so a hand-edited file
 * with a wrong shape fails at load, not in the middle of a computation.
 */
export const CN_NATIONAL_CALENDAR: NationalCalendar = nationalCalendarSchema.parse(data);
