/**
 * Helpers of the chunk-splitting tests: compute every chunk of a split analysis in a shuffled
 * order, each through JSON as the database stores it, merge them, and compare bit for bit.
 */
import { expect } from 'vitest';
import { createRng } from '../../src/engines/random.ts';

/** The first place where a and b differ (a path and both values), or null: numbers compared with Object.is, key order included. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: a ${a.constructor?.name} and a ${b.constructor?.name}`;
  if (ArrayBuffer.isView(a)) {
    const x = Array.from(a as unknown as ArrayLike<number>);
    const y = Array.from(b as unknown as ArrayLike<number>);
    return firstDifference(x, y, path);
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys [${ka.join(', ')}] ≠ [${kb.join(', ')}]`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

/** merged equals unsplit: deep-equal, every number the same double (Object.is), the same JSON. */
export function expectSameBits(merged: unknown, unsplit: unknown): void {
  expect(firstDifference(merged, unsplit)).toBeNull();
  expect(merged).toEqual(unsplit);
  expect(JSON.stringify(merged)).toBe(JSON.stringify(unsplit));
}

/** 0 … n − 1 in a seeded shuffled order (Fisher–Yates). */
export function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed, 0x5eed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Every chunk computed in `order` (reverse by default), each stored as JSON text and read back; the partials returned in that order. */
export function computeChunks<P>(n: number, chunk: (i: number) => P, order: number[] = Array.from({ length: n }, (_, i) => n - 1 - i)): P[] {
  expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
  return order.map((i) => JSON.parse(JSON.stringify(chunk(i))) as P);
}
