import { type KeyboardEvent, useRef, useState } from 'react';

/**
 * Roving focus over a grid of `rowCount` × `columnCount` cells (inputs marked `data-cell="r-c"` inside the table):
 * one cell in the tab order, the arrow keys move between cells, Home / End go to the row's ends.
 */
export function useGridFocus(rowCount: number, columnCount: number) {
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const table = useRef<HTMLTableElement>(null);

  const moveTo = (r: number, c: number) => {
    const rr = Math.max(0, Math.min(rowCount - 1, r));
    const cc = Math.max(0, Math.min(columnCount - 1, c));
    setFocus({ r: rr, c: cc });
    table.current?.querySelector<HTMLInputElement>(`input[data-cell="${rr}-${cc}"]`)?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      Home: [r, 0],
      End: [r, columnCount - 1],
    };
    const target = moves[e.key];
    if (!target) return;
    e.preventDefault();
    moveTo(target[0], target[1]);
  };
  return { focus, setFocus, table, onKey };
}
