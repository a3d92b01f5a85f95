/**
 * What changed between two revisions of a case, in a few words per collection, for the history
 * (`GET /api/cases/{id}/revisions`, the dashboard's History view). Pure: two cases in, lines out.
 *
 * Items are matched by their id (stances by actor, issue and date), so a moved item is "changed",
 * not removed and added. A collection with up to three changed items names them
 * (`stances: russia/donbas changed`); with more it counts them (`evidence: +12, −1, 3 changed`).
 */
import type { Case } from './schema.ts';

type Keyed = { key: string; text: string };

const NAMED_UP_TO = 3;

const collections: Array<{ name: keyof Case; key: (item: never) => string }> = [
  { name: 'actors', key: (a: { id: string }) => a.id },
  { name: 'issues', key: (i: { id: string }) => i.id },
  { name: 'stances', key: (s: { actor: string; issue: string; date?: string }) => `${s.actor}/${s.issue}${s.date ? ` (${s.date})` : ''}` },
  { name: 'evidence', key: (e: { id: string }) => e.id },
  { name: 'drafts', key: (d: { id: string }) => d.id },
  { name: 'scenarios', key: (s: { id: string }) => s.id },
  { name: 'events', key: (e: { id: string }) => e.id },
];

const collectionNames = new Set<string>(collections.map((c) => c.name));

function keyed(items: unknown, key: (item: never) => string): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(items)) return out;
  items.forEach((item, i) => {
    let k = key(item as never);
    // Duplicate keys cannot pass validation, but a damaged revision should still summarise.
    if (out.has(k)) k = `${k}#${i}`;
    out.set(k, JSON.stringify(item));
  });
  return out;
}

function collectionLine(name: string, before: Map<string, string>, after: Map<string, string>): string | null {
  const added: Keyed[] = [];
  const changed: Keyed[] = [];
  const removed: Keyed[] = [];
  for (const [key, text] of after) {
    const old = before.get(key);
    if (old === undefined) added.push({ key, text });
    else if (old !== text) changed.push({ key, text });
  }
  for (const [key, text] of before) if (!after.has(key)) removed.push({ key, text });
  const total = added.length + changed.length + removed.length;
  if (total === 0) return null;
  if (total <= NAMED_UP_TO) {
    const parts = [...added.map((k) => `+${k.key}`), ...removed.map((k) => `−${k.key}`), ...changed.map((k) => `${k.key} changed`)];
    return `${name}: ${parts.join(', ')}`;
  }
  const parts: string[] = [];
  if (added.length) parts.push(`+${added.length}`);
  if (removed.length) parts.push(`−${removed.length}`);
  if (changed.length) parts.push(`${changed.length} changed`);
  return `${name}: ${parts.join(', ')}`;
}

/** The changes from `prev` (null: the case was created) to `next`, one line per part that changed. */
export function summarizeChanges(prev: Case | null, next: Case): string[] {
  if (!prev) return ['created'];
  const lines: string[] = [];
  const fields = new Set([...Object.keys(prev), ...Object.keys(next)].filter((k) => !collectionNames.has(k) && k !== '$schema'));
  const fieldChanges = [...fields].filter((k) => JSON.stringify(prev[k as keyof Case]) !== JSON.stringify(next[k as keyof Case])).sort();
  if (fieldChanges.length) lines.push(`${fieldChanges.join(', ')} changed`);
  for (const { name, key } of collections) {
    const line = collectionLine(name, keyed(prev[name], key), keyed(next[name], key));
    if (line) lines.push(line);
  }
  return lines.length ? lines : ['no change'];
}
