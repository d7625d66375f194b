/**
 * For drawing only (chart geometry): the labels always show the API's strings. The console does no arithmetic on
 * scores: the base, the points and the final score all come from the API.
 */
export function chartNumber(value: string): number {
  return Number(value);
}
