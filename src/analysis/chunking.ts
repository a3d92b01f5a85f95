/**
 * Shared by the split analyses (src/analysis/*-chunks.ts): how big a chunk is, and how its partial
 * result goes through JSON.
 *
 * Partial results of the split analyses (src/analysis/*-chunks.ts) are stored as JSON in the
 * database. JSON has no NaN, ±Infinity or −0 (JSON.stringify writes null, null and 0), and no typed
 * arrays; a finite double, though, survives JSON.stringify / JSON.parse bit for bit (the shortest
 * decimal that reads back to the same double, ECMA-262 Number::toString). So a partial is encoded
 * before it is stored and decoded before it is merged:
 *
 *   NaN, Infinity, -Infinity, -0  ->  { "$num": "NaN" | "Infinity" | "-Infinity" | "-0" }
 *   Float64Array                  ->  { "$f64": "<base64 of its little-endian bytes>" }
 *
 * Plain objects and arrays are copied member by member; strings, booleans and null stay; an
 * `undefined` member is left out (as JSON.stringify leaves it out). No partial has a member named
 * `$num` or `$f64` of its own, so decoding is unambiguous.
 */

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function numberTag(x: number): string | null {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  return null;
}

/** A JSON-safe copy of `value` (see the file comment): JSON.parse(JSON.stringify(encodeChunk(v))) decodes back to v, every number bit for bit. */
export function encodeChunk(value: unknown): unknown {
  if (typeof value === 'number') {
    const tag = numberTag(value);
    return tag === null ? value : { $num: tag };
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Float64Array) return { $f64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : encodeChunk(v)));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`a chunk's partial result holds a ${proto?.constructor?.name ?? 'non-plain'} object, which JSON cannot carry`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeChunk(v);
    return out;
  }
  throw new TypeError(`a chunk's partial result holds a ${typeof value}, which JSON cannot carry`);
}

/** The inverse of encodeChunk, on the stored JSON parsed back. */
export function decodeChunk<T = unknown>(value: unknown): T {
  return decode(value) as T;
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === '$num') {
    const tag = o.$num as string;
    if (!(tag in SPECIAL)) throw new RangeError(`a stored partial result has an unknown number tag "${tag}"`);
    return SPECIAL[tag];
  }
  if (keys.length === 1 && keys[0] === '$f64') {
    const bytes = Buffer.from(o.$f64 as string, 'base64');
    if (bytes.byteLength % 8 !== 0) throw new RangeError(`a stored partial result has a Float64Array of ${bytes.byteLength} bytes (not a multiple of 8)`);
    const out = new Float64Array(bytes.byteLength / 8);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decode(o[k]);
  return out;
}

/**
 * The partials of a split analysis in chunk order: each partial names its chunk and the chunk
 * count, and every chunk 0 … n − 1 must be there exactly once (in any order).
 */
export function orderedPartials<T extends { chunk: number; of: number }>(analysis: string, n: number, partials: readonly T[]): T[] {
  const out: T[] = new Array(n);
  for (const p of partials) {
    if (p === null || typeof p !== 'object' || !Number.isInteger(p.chunk) || p.chunk < 0 || p.chunk >= n) throw new RangeError(`${analysis}: a partial result names chunk ${(p as { chunk?: unknown })?.chunk}, not one of 0..${n - 1}`);
    if (p.of !== n) throw new RangeError(`${analysis}: chunk ${p.chunk} was computed as one of ${p.of} chunks, but the analysis has ${n} (another revision or other options?)`);
    if (out[p.chunk]) throw new RangeError(`${analysis}: chunk ${p.chunk} is given twice`);
    out[p.chunk] = p;
  }
  for (let i = 0; i < n; i++) if (!out[i]) throw new RangeError(`${analysis}: chunk ${i} of ${n} is missing`);
  return out;
}

/**
 * Chunk sizing. A forecast's cost in rough units: actors² × issues × the models' weights, the
 * iterative models (bdm, smp, exchange) weighing 1 and the closed-form ones 0.02. Measured on this
 * machine (Node 20): a forecast with every model of a generated 30-actor, 5-issue case (about 14,000
 * units) takes 60–90 ms, Ukraine's (6 actors, 13 issues, about 1,500 units) 5 ms; one unit is thus
 * about 3–6 µs. A chunk aims at CHUNK_UNITS, about half a second to a second of work: small items
 * (estimates, dates, cases) are grouped until they reach it; an item larger than it is a chunk alone.
 */
export const CHUNK_UNITS = 160_000;

const HEAVY_MODELS = new Set(['bdm', 'smp', 'exchange']);

/** The rough cost of one forecast of `models` on a case of that size (see CHUNK_UNITS). */
export function forecastUnits(actors: number, issues: number, models: readonly string[]): number {
  const weight = models.reduce((s, m) => s + (HEAVY_MODELS.has(m) ? 1 : 0.02), 0);
  return Math.max(1, actors * actors * Math.max(1, issues) * weight);
}

/** How many items of `unitsEach` go in a chunk: as many as fit in CHUNK_UNITS, at least 1 and at most `cap`. */
export function itemsPerChunk(unitsEach: number, cap = 256): number {
  return Math.max(1, Math.min(cap, Math.floor(CHUNK_UNITS / Math.max(1, unitsEach))));
}
