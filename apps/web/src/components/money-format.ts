/**
 * Money arrives from the API as a decimal string ("1234567.50", "-40000.00"). It is only ever displayed, so it
 * is formatted as text: thousands separators on the integer part, the fraction untouched. Never a JS number.
 */
export function formatMoney(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!match) return value; // not a plain decimal: show what the API sent rather than guess
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}
