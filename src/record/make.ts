/**
 * Making an entry: run the outlook for the case and build the entry draft (the glue the CLI and the
 * API share; the sealing itself is entry.ts). The outlook producer is injectable, so that tests can
 * record outlooks built by hand and the record never depends on how the outlook is computed.
 */
import { readFileSync } from 'node:fs';
import type { Case } from '../case/schema.ts';
import type { Outlook, OutlookOptions } from '../analysis/outlook-types.ts';

export type { OutlookOptions };
import { caseHash, recordOutlook, type EntryDraft } from './entry.ts';

export const PARLEY_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export type OutlookProducer = (c: Case, opts: OutlookOptions) => Promise<Outlook>;

let override: OutlookProducer | undefined;

/** Replace the outlook producer (tests); undefined restores the real one. */
export function setOutlookProducer(p: OutlookProducer | undefined): void {
  override = p;
}

/** The real producer: analysis/outlook.ts's forecastOutlook, loaded on first use. */
async function realProducer(c: Case, opts: OutlookOptions): Promise<Outlook> {
  // Loaded on use: `parley resolve` and `parley score` share this module's command file and need no engines.
  const { forecastOutlook } = await import('../analysis/outlook.ts');
  return forecastOutlook(c, opts);
}

export const produceOutlook: OutlookProducer = (c, opts) => (override ?? realProducer)(c, opts);

export interface DraftRequest extends OutlookOptions {
  /** The whole case revision (not an as-of view): what the hash covers. */
  case: Case;
  /** Its store revision, or null for a case file. */
  revision: number | null;
  createdAt: string;
}

/** Run the outlook and build the entry (all but the question and the chain fields). */
export async function makeEntryDraft(req: DraftRequest): Promise<Omit<EntryDraft, 'question'>> {
  const { case: c, revision, createdAt, ...opts } = req;
  const outlook = await produceOutlook(c, opts);
  return {
    case: {
      id: c.id,
      title: c.title,
      revision,
      hash: caseHash(c),
      issues: c.issues.map((i) => ({ id: i.id, title: i.title, min: i.scale.min, max: i.scale.max, ...(i.scale.unit ? { unit: i.scale.unit } : {}) })),
    },
    asOf: req.asOf ?? null,
    by: req.by,
    version: PARLEY_VERSION,
    createdAt,
    outlook: recordOutlook(outlook),
  };
}
