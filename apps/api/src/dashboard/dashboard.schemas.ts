import { z } from 'zod';
import { monthText } from '../graphql/input-fields';

/** The dashboards' arguments (ValidateInput): the month, `YYYY-MM`, when given. */
export const dashboardArgs = z.object({ month: monthText.nullish() });
