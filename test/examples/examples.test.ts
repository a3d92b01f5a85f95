/**
 * The example cases are the first thing a newcomer opens, and every other area tests against them:
 * they must load cleanly and say what the fact sheet says — the 28-point plan crossing Ukraine's red
 * line on territory, the E3 counter-proposal crossing Russia's, stances that move between dates.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/case/load.ts';
import type { Case, Stance } from '../../src/case/schema.ts';
import { estimate } from '../../src/case/schema.ts';
import { asOf, currentStances } from '../../src/case/view.ts';

const examplePath = (name: string) => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
const ukrainePath = examplePath('ukraine-2025.yaml');
const tutorialPath = examplePath('tutorial.yaml');

/** The current stance of one actor on one issue, failing the test when there is none. */
function stanceOf(c: Case, actor: string, issue: string): Stance {
  const s = [...currentStances(c).values()].find((x) => x.actor === actor && x.issue === issue);
  if (!s) throw new Error(`no stance of ${actor} on ${issue}`);
  return s;
}

/** How far `value` lies outside the actor's current red line on the issue (0 inside, or no red line or stance). */
function breachOfRedLine(c: Case, actor: string, issue: string, value: number): number {
  const rl = [...currentStances(c).values()].find((x) => x.actor === actor && x.issue === issue)?.redLine;
  if (!rl) return 0;
  if (rl.min !== undefined && value < rl.min) return rl.min - value;
  if (rl.max !== undefined && value > rl.max) return value - rl.max;
  return 0;
}

/** The value a draft gives an issue (the point that sets it), or undefined when no point does. */
function draftValue(c: Case, draftId: string, issue: string): number | undefined {
  const draft = c.drafts.find((d) => d.id === draftId);
  if (!draft) throw new Error(`no draft ${draftId}`);
  const values = draft.points.map((p) => p.values[issue]).filter((v): v is number => v !== undefined);
  return values.at(-1);
}

/** Shared checks for any example: references resolve, evidence precedes what it supports. */
function describeWellFormedExample(name: string, path: string) {
  describe(`${name}: well-formed`, () => {
    it('starts with the JSON Schema modeline so editors complete and check it', async () => {
      const text = await readFile(path, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/case.schema.json');
    });

    it('gives every stance at least one evidence id, each resolving to an evidence item dated on or before the stance', async () => {
      const c = await loadCaseFile(path);
      const evidenceById = new Map(c.evidence.map((e) => [e.id, e]));
      for (const s of c.stances) {
        const where = `${s.actor}/${s.issue}@${s.date}`;
        expect(s.evidence.length, where).toBeGreaterThan(0);
        for (const id of s.evidence) {
          const e = evidenceById.get(id);
          expect(e, `${where} cites unknown evidence ${id}`).toBeDefined();
          // Otherwise the as-of view would show a stance whose evidence it hides.
          expect(e!.date <= (s.date ?? '9999-12-31'), `${where} cites ${id} dated ${e!.date}`).toBe(true);
        }
      }
    });

    it('gives every actor at least one speaker, and every quote a speaker and an actor', async () => {
      const c = await loadCaseFile(path);
      for (const a of c.actors) expect(a.speakers.length, a.id).toBeGreaterThan(0);
      for (const e of c.evidence.filter((x) => x.kind === 'quote')) {
        expect(e.speaker, e.id).toBeTruthy();
        expect(e.actor, e.id).toBeTruthy();
      }
    });

    it('dates every stance and gives it a range that contains its value, and a rationale', async () => {
      const c = await loadCaseFile(path);
      for (const s of c.stances) {
        const where = `${s.actor}/${s.issue}@${s.date}`;
        expect(s.date, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(s.rationale, where).toBeTruthy();
        for (const est of [estimate(s.position), estimate(s.salience)]) {
          expect(est.low, where).toBeDefined();
          expect(est.high, where).toBeDefined();
          expect(est.low! <= est.value && est.value <= est.high!, where).toBe(true);
        }
      }
    });

    it('labels the bottom, the middle and the top of every issue scale', async () => {
      const c = await loadCaseFile(path);
      for (const i of c.issues) {
        const at = new Set(i.scale.anchors.map((a) => a.at));
        const { min, max } = i.scale;
        expect(at.has(min) && at.has(max), i.id).toBe(true);
        expect(at.has((min + max) / 2), i.id).toBe(true);
      }
    });
  });
}

describeWellFormedExample('ukraine-2025', ukrainePath);
describeWellFormedExample('tutorial', tutorialPath);

describe('ukraine-2025: content', () => {
  it('has the actors, issues, drafts, scenarios and events the fact sheet covers', async () => {
    const c = await loadCaseFile(ukrainePath);
    expect(c.actors.length).toBeGreaterThanOrEqual(4);
    expect(c.issues.length).toBeGreaterThanOrEqual(10);
    expect(c.drafts.length).toBeGreaterThanOrEqual(4);
    for (const id of ['russia', 'ukraine', 'usa', 'e3', 'eu']) expect(c.actors.map((a) => a.id)).toContain(id);
    for (const id of ['donbas', 'crimea', 'south-line', 'nato', 'army-cap', 'security-guarantees', 'sanctions', 'frozen-assets', 'amnesty', 'elections', 'znpp']) {
      expect(c.issues.map((i) => i.id)).toContain(id);
    }
    expect(c.drafts.map((d) => [d.id, d.date, d.revises])).toEqual([
      ['us-28-point', '2025-11-20', undefined],
      ['e3-counter-proposal', '2025-11-23', 'us-28-point'],
      ['geneva-19-point', '2025-11-24', 'us-28-point'],
      ['us-ukraine-20-point', '2025-12-23', 'geneva-19-point'],
    ]);
    expect(c.drafts[0].points.map((p) => p.number)).toEqual(Array.from({ length: 28 }, (_, k) => k + 1));
    expect(c.scenarios.map((s) => s.id)).toEqual(expect.arrayContaining(['us-disengages', 'ukraine-nato-salience-falls', 'europe-hardens']));
    const places = c.events.map((e) => e.place ?? '').join(' | ');
    for (const place of ['Anchorage', 'Geneva', 'Abu Dhabi', 'Bishkek', 'Moscow', 'Florida', 'Berlin', 'Brussels']) expect(places).toContain(place);
    expect(c.events.find((e) => e.kind === 'deadline')?.date).toBe('2025-11-27');
  });

  it('knows Zelensky by his spellings, and every speaker of a quote is a declared speaker of its actor', async () => {
    const c = await loadCaseFile(ukrainePath);
    const zelensky = c.actors.find((a) => a.id === 'ukraine')!.speakers.find((s) => s.name === 'Volodymyr Zelensky')!;
    expect(zelensky.aliases).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskyy']));
    const speakersOf = new Map(c.actors.map((a) => [a.id, new Set(a.speakers.map((s) => s.name))]));
    for (const e of c.evidence.filter((x) => x.speaker && x.actor)) {
      expect(speakersOf.get(e.actor!)?.has(e.speaker!), `${e.id}: ${e.speaker} for ${e.actor}`).toBe(true);
    }
  });

  it('shows a different picture as of 2025-11-21 than as of 2025-12-31', async () => {
    const c = await loadCaseFile(ukrainePath);
    const early = asOf(c, '2025-11-21');
    const late = asOf(c, '2025-12-31');
    expect(currentStances(early).size).toBeLessThan(currentStances(late).size);
    // Ukraine's NATO stance: membership wanted before Berlin, traded for guarantees after it.
    expect(estimate(stanceOf(early, 'ukraine', 'nato').position).value).toBe(10);
    expect(estimate(stanceOf(late, 'ukraine', 'nato').position).value).toBe(75);
    expect(stanceOf(late, 'ukraine', 'nato').date).toBe('2025-12-14');
    // No Ukrainian stance on elections until Zelensky's 9 December offer.
    expect([...currentStances(early).values()].some((s) => s.actor === 'ukraine' && s.issue === 'elections')).toBe(false);
    expect(stanceOf(late, 'ukraine', 'elections').date).toBe('2025-12-24');
    // The drafts known on each date.
    expect(early.drafts.map((d) => d.id)).toEqual(['us-28-point']);
    expect(late.drafts).toHaveLength(4);
  });

  it('has the 28-point plan cross Ukraine\'s red line on territory', async () => {
    const c = await loadCaseFile(ukrainePath);
    const donbas = draftValue(c, 'us-28-point', 'donbas');
    expect(donbas).toBe(95);
    // Ukraine's current red line admits at most a monitored demilitarised zone (50).
    expect(breachOfRedLine(c, 'ukraine', 'donbas', donbas!)).toBe(45);
    expect(stanceOf(c, 'ukraine', 'donbas').redLine?.veto).toBe(true);
    // And it already did on the day after the leak, against Yermak's line of 27 Nov (max 25).
    expect(breachOfRedLine(asOf(c, '2025-11-30'), 'ukraine', 'donbas', donbas!)).toBe(70);
    expect(breachOfRedLine(c, 'ukraine', 'crimea', draftValue(c, 'us-28-point', 'crimea')!)).toBe(50);
  });

  it('has the E3 counter-proposal cross Russia\'s red lines (territory, NATO, foreign troops)', async () => {
    const c = await loadCaseFile(ukrainePath);
    const crossed = c.issues
      .map((i) => i.id)
      .filter((issue) => {
        const v = draftValue(c, 'e3-counter-proposal', issue);
        return v !== undefined && breachOfRedLine(c, 'russia', issue, v) > 0;
      });
    expect(crossed).toEqual(['donbas', 'crimea', 'nato', 'foreign-troops']);
    expect(breachOfRedLine(c, 'russia', 'donbas', draftValue(c, 'e3-counter-proposal', 'donbas')!)).toBe(50);
    // Whereas the US plan respects every Russian red line.
    for (const i of c.issues) {
      const v = draftValue(c, 'us-28-point', i.id);
      if (v !== undefined) expect(breachOfRedLine(c, 'russia', i.id, v), i.id).toBe(0);
    }
  });

  it('marks what the fact sheet marks as uncertain', async () => {
    const c = await loadCaseFile(ukrainePath);
    const ev = new Map(c.evidence.map((e) => [e.id, e]));
    // Pro-Kremlin aggregator copies, the disputed authorship, the translated G8 remark.
    for (const id of ['ev-28pt-15-20', 'ev-28pt-territory-it', 'ev-plan-authorship-disputed', 'ev-putin-g8', 'ev-800k-claim']) {
      expect(ev.get(id)?.uncertain, id).toBe(true);
    }
    expect(c.drafts.find((d) => d.id === 'geneva-19-point')?.uncertain).toBe(true);
    expect(stanceOf(c, 'russia', 'znpp').uncertain).toBe(true);
  });
});

describe('tutorial: content', () => {
  it('has a draft that crosses the Ratepayers\' veto on tax, and a January shift', async () => {
    const c = await loadCaseFile(tutorialPath);
    expect(c.actors).toHaveLength(4);
    expect(c.issues).toHaveLength(3);
    expect(breachOfRedLine(c, 'ratepayers', 'property-tax', draftValue(c, 'mayor-draft', 'property-tax')!)).toBe(2);
    expect(estimate(stanceOf(asOf(c, '2026-01-10'), 'labour', 'property-tax').position).value).toBe(3);
    expect(estimate(stanceOf(asOf(c, '2026-01-31'), 'labour', 'property-tax').position).value).toBe(2);
  });
});
