import { z } from 'zod';
import { monthText } from '../shared/input-fields';

/** The dashboards' arguments (ValidateInput): the month, `YYYY-MM`, when given. */
export const dashboardArgs = z.object({ month: monthText.nullish() });
