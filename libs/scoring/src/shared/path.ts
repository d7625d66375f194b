import type { PathSegment } from '@ledger/kernel';

/** `adjustment.bands[1].min` → ['adjustment', 'bands', 1, 'min'] (the inverse of kernel's formatPath). */
export function parsePath(path: string): PathSegment[] {
  if (path === '' || path === '(root)') return [];
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
