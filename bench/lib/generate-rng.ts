/**
 * Deterministic randomness for the benchmark data generator: a small fast PRNG (sfc32 seeded through splitmix32),
 * independent streams per (seed, stream, index) so a ticket's content depends only on the seed and its number —
 * never on batch sizes, on how many tickets came before it, or on the order of the work.
 */

function splitmix32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream keyed by any number of integers (seed, stream id, index…). */
  constructor(...keys: number[]) {
    let h = 0x811c9dc5;
    for (const k of keys) {
      // Mix each key (up to 2^53) into the hash, low and high 32-bit halves.
      for (const part of [k >>> 0, Math.floor(k / 2 ** 32) >>> 0]) {
        h = Math.imul(h ^ part, 0x01000193) >>> 0;
        h = (h ^ (h >>> 13)) >>> 0;
      }
    }
    const s = splitmix32(h);
    this.a = s();
    this.b = s();
    this.c = s();
    this.d = s();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An item by weight: [[item, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A random (version 4 layout) UUID drawn from this stream: deterministic for the seed. */
  uuid(): string {
    const h = (n: number, len: number) => n.toString(16).padStart(len, '0');
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    return `${h(a, 8)}-${h(b >>> 16, 4)}-${h(((b & 0x0fff) | 0x4000) >>> 0, 4)}-${h((((c >>> 16) & 0x3fff) | 0x8000) >>> 0, 4)}-${h(c & 0xffff, 4)}${h(d, 8)}`;
  }
}
