import { formatMoney } from './money-format';

/** An amount in yuan as the API sent it (a decimal string), with separators. */
export function Money({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return <span>—</span>;
  return (
    <span className="money" data-value={value}>
      ¥{formatMoney(value)}
    </span>
  );
}
