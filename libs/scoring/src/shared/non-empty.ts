/** The items as a non-empty tuple (what z.discriminatedUnion takes); throws on an empty list, a registry with no kinds. */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  if (items.length === 0) throw new Error('expected at least one item');
  const [first, ...rest] = items;
  return [first, ...rest];
}
