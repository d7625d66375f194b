import { useRef, useState } from 'react';
import type { DayList } from './national-calendar-format';

export type Row = { key: number; date: string; name: string };

/**
 * The days entered row by row, in their two lists (one empty day off to start with): each row keeps its key while
 * rows are added and removed. `onRemoved` is told of each removal, since the rows after the removed one move up.
 */
export function useDayRows(onRemoved: () => void) {
  const nextKey = useRef(1);
  const newRow = (): Row => ({ key: nextKey.current++, date: '', name: '' });
  const [rows, setRows] = useState<Record<DayList, Row[]>>(() => ({ holidays: [newRow()], makeUpWorkdays: [] }));
  const setRow = (list: DayList, key: number, change: Partial<Row>) =>
    setRows((rs) => ({ ...rs, [list]: rs[list].map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  const addRow = (list: DayList) => setRows((rs) => ({ ...rs, [list]: [...rs[list], newRow()] }));
  const removeRow = (list: DayList, key: number) => {
    setRows((rs) => ({ ...rs, [list]: rs[list].filter((r) => r.key !== key) }));
    onRemoved();
  };
  return { rows, setRow, addRow, removeRow };
}
