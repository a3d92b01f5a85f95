/**
 * Linking an article to a case: the case's actors named in it (by name, alias or speaker) and the
 * issues a quote touches. Issue matching weighs each word of an issue's vocabulary (title,
 * aliases, anchor labels, description) by how specific it is to that issue among the case's
 * issues (inverse document frequency, Spärck Jones 1972), so that "Ukraine" or "plan", which every
 * issue of a Ukraine case mentions, counts for little and "territory" or "amnesty" for much.
 */
import type { Case } from '../case/schema.ts';
import { stripDiacritics } from './people.ts';

const STOPWORDS = new Set(
  'a an the and or of to in on at for by with from as is are was were be been it its this that these those not no any all some will would can could should may might must has have had do does did than then there their they them he she his her we our you your i my into over under about after before up down out off per more most less least which who whom whose what when where why how also only just very so such own same other both each few nor too s t don now new during within without across against through while since until upon via among between including being would could should shall must may might said says say'.split(' '),
);

/** A light suffix stripper so "withdraws", "withdrawal" and "withdraw" meet; not a full Porter stemmer. */
export function stem(word: string): string {
  let w = stripDiacritics(word.toLowerCase()).replace(/['’]s$/, '');
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ness', 'ities', 'ity', 'ians', 'ian', 'ing', 'als', 'al', 'ies', 'ied', 'ed', 'es', 's', 'ly', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Near-synonyms of negotiation prose, folded onto one stem ("retreat" and "pull out" are "withdraw"). */
const SYNONYMS: ReadonlyMap<string, string> = new Map(Object.entries({
  retreat: 'withdraw',
  pullout: 'withdraw',
  evacuat: 'withdraw',
  troop: 'forc',
  soldier: 'forc',
  army: 'forc',
  armi: 'forc',
  cede: 'concession',
  ced: 'concession',
  handover: 'concession',
  guarante: 'guarantee',
  guarantee: 'guarantee',
  sanction: 'sanction',
  vote: 'election',
  ballot: 'election',
}));

export function contentStems(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => !STOPWORDS.has(w) && w.length > 2)
    .map(stem)
    .map((s) => SYNONYMS.get(s) ?? s);
}

export interface IssueMatcher {
  /** Issue ids a passage touches, strongest first. */
  issuesOf(passage: string): string[];
}

const matchers = new WeakMap<Case, IssueMatcher>();

/** Phrase match (alias or title inside the passage), else enough specific shared words. Built once per case. */
export function issueMatcher(c: Case): IssueMatcher {
  let m = matchers.get(c);
  if (!m) {
    m = buildIssueMatcher(c);
    matchers.set(c, m);
  }
  return m;
}

function buildIssueMatcher(c: Case): IssueMatcher {
  const vocab = c.issues.map((issue) => {
    const phrases = [issue.title, ...issue.aliases].map((p) => ` ${contentStems(p).join(' ')} `).filter((p) => p.trim());
    // descriptions are prose about the issue's history and would match almost anything; titles, aliases and anchors name it
    const stems = new Set(contentStems([issue.title, ...issue.aliases, ...issue.scale.anchors.map((a) => a.label)].join(' ')));
    const aliasStems = new Set(contentStems([issue.title, ...issue.aliases].join(' ')));
    return { id: issue.id, phrases, stems, aliasStems };
  });
  const df = new Map<string, number>();
  for (const v of vocab) for (const s of v.stems) df.set(s, (df.get(s) ?? 0) + 1);
  // actor names say who, not what: they do not mark an issue
  const actorStems = new Set(contentStems(c.actors.flatMap((a) => [a.name, ...a.aliases, ...a.speakers.flatMap((s) => [s.name, ...s.aliases])]).join(' ')));
  const n = vocab.length;
  return {
    issuesOf(passage: string): string[] {
      const stems = contentStems(passage);
      const joined = ` ${stems.join(' ')} `;
      const present = new Set(stems);
      const scored: Array<{ id: string; score: number }> = [];
      for (const v of vocab) {
        if (v.phrases.some((p) => joined.includes(p))) {
          scored.push({ id: v.id, score: 100 });
          continue;
        }
        let score = 0;
        let shared = 0;
        for (const s of v.stems) {
          // a word in half the issues or more says nothing about which one a passage is about
          if (!present.has(s) || actorStems.has(s) || (df.get(s) ?? 0) * 2 >= n) continue;
          const idf = Math.log((n + 1) / (df.get(s) ?? 1));
          score += idf * (v.aliasStems.has(s) ? 2 : 1);
          shared++;
        }
        // one shared word ("war", "forces") is chance; two specific ones are a topic
        if (shared < 2) continue;
        // two words specific to the issue, at least one of them from its title or aliases or both rare
        if (score >= 1.5 * Math.log(n + 1)) scored.push({ id: v.id, score });
      }
      scored.sort((a, b) => b.score - a.score);
      // keep the issues that score near the best one: a passage is usually about one or two issues
      return scored.filter((s) => s.score >= 0.5 * scored[0].score).map((s) => s.id);
    },
  };
}

export interface ActorLink {
  name: string;
  actor?: string;
}

/** Case actors named in the text (name, alias, speaker name or alias), as `{name, actor}`. */
const actorPatterns = new WeakMap<Case, Array<{ actor: Case['actors'][number]; pattern: RegExp }>>();

export function caseActorsIn(text: string, c: Case): ActorLink[] {
  let patterns = actorPatterns.get(c);
  if (!patterns) {
    patterns = c.actors.map((a) => {
      const forms = [a.name, ...a.aliases, ...a.speakers.flatMap((s) => [s.name, ...s.aliases])].filter((f) => f.trim().length >= 2);
      const alternation = forms.map((f) => stripDiacritics(f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      return { actor: a, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'u') };
    });
    actorPatterns.set(c, patterns);
  }
  const hay = ` ${stripDiacritics(text)} `;
  return patterns.filter((p) => p.pattern.test(hay)).map((p) => ({ name: p.actor.name, actor: p.actor.id }));
}

/** The case actor a speaker speaks for: a speaker name or alias, else an actor name or alias. */
export function actorOfSpeaker(name: string, c: Case): string | undefined {
  const { bySpeaker, byActor } = actorNamesOf(c);
  const n = normName(name);
  return bySpeaker.get(n) ?? byActor.get(n);
}

const normName = (s: string) => stripDiacritics(s.toLowerCase()).trim();
const actorNames = new WeakMap<Case, { bySpeaker: Map<string, string>; byActor: Map<string, string> }>();
/** A case's speaker names and aliases, and its actors' names and aliases, normalised → the first actor (in case order) they belong to; built once per case. */
function actorNamesOf(c: Case) {
  let names = actorNames.get(c);
  if (!names) {
    const bySpeaker = new Map<string, string>();
    const byActor = new Map<string, string>();
    for (const a of c.actors) {
      for (const s of a.speakers) for (const x of [s.name, ...s.aliases]) if (!bySpeaker.has(normName(x))) bySpeaker.set(normName(x), a.id);
      for (const x of [a.name, ...a.aliases]) if (!byActor.has(normName(x))) byActor.set(normName(x), a.id);
    }
    names = { bySpeaker, byActor };
    actorNames.set(c, names);
  }
  return names;
}
