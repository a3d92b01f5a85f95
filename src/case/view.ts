/**
 * Views of a case: as it stood on a date, with a scenario applied, and the current stance of each
 * actor × issue pair. All pure: a new case is returned, the input is not changed.
 */
import type { Case, Scenario, Stance } from './schema.ts';
import { estimate } from './estimate.ts';

/** The key of an actor × issue pair. */
export const pairKey = (actor: string, issue: string): string => `${actor}\u0000${issue}`;

/**
 * The latest stance of each actor × issue pair (by date; among stances of the same date, the one
 * written last). Several dated stances of a pair are its history; this is its present.
 */
export function currentStances(c: Case): Map<string, Stance> {
  const out = new Map<string, Stance>();
  for (const s of c.stances) {
    const key = pairKey(s.actor, s.issue);
    const prev = out.get(key);
    if (!prev || (prev.date ?? '') <= (s.date ?? '')) out.set(key, s);
  }
  return out;
}

/**
 * The case as it stood on `date` (YYYY-MM-DD, inclusive): stances, evidence, drafts and events dated
 * after it are hidden, so each pair shows its latest stance dated on or before the date.
 */
export function asOf(c: Case, date: string): Case {
  const on = (d: string) => d <= date;
  return {
    ...c,
    stances: c.stances.filter((s) => s.date === undefined || on(s.date)),
    evidence: c.evidence.filter((e) => on(e.date)),
    drafts: c.drafts.filter((d) => on(d.date)),
    events: c.events.filter((e) => on(e.date)),
  };
}

export class UnknownScenarioError extends Error {}

/** The case with a named scenario's changes applied to the current stances, actors and issues. */
export function applyScenario(c: Case, scenarioId: string): Case {
  const scenario = c.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    const known = c.scenarios.map((s) => s.id).join(', ') || 'none';
    throw new UnknownScenarioError(`unknown scenario "${scenarioId}" (the case has: ${known})`);
  }
  return applyChanges(c, scenario);
}

/** Replace an estimate's value, shifting its range with it so the uncertainty keeps its width. */
function shifted(e: Stance['position'], value: number): Stance['position'] {
  const { value: old, low, high } = estimate(e);
  return {
    value,
    ...(low !== undefined ? { low: low + value - old } : {}),
    ...(high !== undefined ? { high: high + value - old } : {}),
  };
}

export function applyChanges(c: Case, scenario: Pick<Scenario, 'changes'>): Case {
  const current = currentStances(c);
  const actors = c.actors.map((a) => ({ ...a }));
  const issues = c.issues.map((i) => ({ ...i }));
  const stances = c.stances.map((s) => ({ ...s }));
  const latestIndex = new Map<string, number>();
  stances.forEach((s, idx) => {
    if (current.get(pairKey(s.actor, s.issue)) === c.stances[idx]) latestIndex.set(pairKey(s.actor, s.issue), idx);
  });
  for (const ch of scenario.changes) {
    if (ch.field === 'capability') {
      for (const a of actors) if (a.id === ch.actor) a.capability = shifted(a.capability, ch.value);
      continue;
    }
    if (ch.field === 'statusQuo') {
      for (const i of issues) if (i.id === ch.issue) i.statusQuo = ch.value;
      continue;
    }
    // Stance fields: one pair, or every issue of the actor when no issue is named.
    for (const idx of latestIndex.values()) {
      const s = stances[idx];
      if (s.actor !== ch.actor || (ch.issue !== undefined && s.issue !== ch.issue)) continue;
      if (ch.field === 'position') s.position = shifted(s.position, ch.value);
      else if (ch.field === 'salience') s.salience = shifted(s.salience, ch.value);
      else if (ch.field === 'redLineMin') s.redLine = { veto: false, ...s.redLine, min: ch.value };
      else if (ch.field === 'redLineMax') s.redLine = { veto: false, ...s.redLine, max: ch.value };
    }
  }
  return { ...c, actors, issues, stances };
}
