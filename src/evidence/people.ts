/**
 * People named in an article: mentions found as capitalised name sequences, told apart from places,
 * organisations and titles by the `compromise` lexicon and by context (a title or role before the
 * name, a speech verb after it), grouped into one entity per person across spelling variants
 * (Zelensky / Zelenskyy / Volodymyr Zelensky), with the roles the text gives them
 * ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman").
 */
import {
  DEMONYM_STATES,
  genderOfFirstName,
  isKnownFirstName,
  lexiconTags,
  METONYMS,
  NON_NAME_WORDS,
  ROLE_NOUNS,
  SPEECH_VERB_FORMS,
  STATE_NAMES,
  table,
  TITLE_WORDS,
  type Gender,
} from './lexicon.ts';

export interface PersonMention {
  start: number;
  end: number;
  /** The name as written, without titles or possessive ending. */
  text: string;
  tokens: string[];
  possessive: boolean;
  entity: number;
}

export interface PersonEntity {
  id: number;
  /** The fullest name the article gives (or the case's speaker name). */
  canonical: string;
  gender: Gender;
  /** Content words of the roles the article gives the person, lower-cased. */
  roles: Set<string>[];
  mentions: PersonMention[];
  /** The case actor the person speaks for, when a case is given. */
  actor?: string;
  /** The first name of the entity's full-name mentions, which other full names must share. */
  firstInitial?: string;
  /** A case speaker the article does not name: reachable only through a role phrase whose state is known. */
  latent?: boolean;
}

export interface KnownSpeaker {
  name: string;
  aliases: string[];
  actor?: string;
  role?: string;
}

const NAME_SEQUENCE =
  /(?<![\p{L}\p{N}'’.-])\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u00a0]+(?:(?:von|van|der|den|de|da|di|del|du|la|le|bin|ibn|al)[ \u00a0]+)*\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;
const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'Honorific']);
const NOT_NAME_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Demonym', 'Month', 'WeekDay', 'Organization', 'Pronoun', 'Conjunction', 'Preposition', 'Determiner', 'Adverb', 'Date', 'Holiday', 'Currency', 'Possessive', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary', 'Negative']);

// ASCII text has no marks and is its own NFD form: returned as it is (most names, most of the time)
export const stripDiacritics = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFD').replace(/\p{M}/gu, ''));
/** Spelling-variant key of a surname: Zelensky, Zelenskyy and Zelenskiy share one. */
export function surnameKey(token: string): string {
  return stripDiacritics(token.toLowerCase())
    .replace(/['’]/g, '')
    .replace(/(?:yy|iy|ij|yi|ii|i|y)$/, 'y')
    .replace(/(.)\1+/g, '$1');
}
const stripPossessive = (t: string): [string, boolean] => {
  const m = /^(.*?)(?:['’]s|(?<=s)['’])$/.exec(t);
  return m && m[1] ? [m[1], true] : [t, false];
};
const cleanToken = (t: string): string => t.replace(/[.]+$/, (d) => (t.length <= 3 ? d : ''));

/** Name particles, written capitalised in some names ("Piet Van Rooy", "Ursula Von Alt"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'du', 'la', 'le', 'ter', 'ten', 'al', 'el', 'bin', 'ibn']);

/**
 * isNameLike's answers by token (a pure function of the token and the flag over constant word lists):
 * the same capitalised words recur in every paragraph and article of a run. Emptied when it grows large.
 */
const nameLikeMemo = new Map<string, [boolean | undefined, boolean | undefined]>();
function isNameLike(token: string, previousIsFirstName: boolean): boolean {
  let entry = nameLikeMemo.get(token);
  if (!entry) {
    if (nameLikeMemo.size >= 50_000) nameLikeMemo.clear();
    entry = [undefined, undefined];
    nameLikeMemo.set(token, entry);
  }
  const slot = previousIsFirstName ? 1 : 0;
  return (entry[slot] ??= nameLikeUncached(token, previousIsFirstName));
}
function nameLikeUncached(token: string, previousIsFirstName: boolean): boolean {
  const lower = token.toLowerCase().replace(/\.$/, '');
  if (NON_NAME_WORDS.has(lower) || TITLE_WORDS.has(lower) || STATE_NAMES.has(lower) || METONYMS.has(lower)) return false;
  if (/\d/.test(token) || /^\p{Lu}{2,}$/u.test(token)) return false; // NATO, G20: acronyms name organisations
  if (/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(token)) return false; // U.S. (and "U.S" once the final stop is cleaned)
  const tags = lexiconTags(lower);
  if (tags.length === 0 || tags.some((t) => NAME_TAGS.has(t))) return !tags.some((t) => NOT_NAME_TAGS.has(t) && !NAME_TAGS.has(t));
  if (tags.some((t) => NOT_NAME_TAGS.has(t))) return false;
  // a common noun can be a surname after a first name (Condoleezza Rice)
  return previousIsFirstName;
}

/** An indefinite determiner (and adjectives) before an affiliation: "a senior", "two", "one top". */
const AFFILIATION_BEFORE = /(?:^|[\s(“"])(?:a|an|one|two|three|several|some|many|other|another|the)(?:\s+(?:senior|top|junior|former|high-ranking|mid-level|leading|anonymous|unnamed|military|security|intelligence|government|administration))*\s+$/i;
/** A role noun right after it: "Hamas official", "U.S. defence official", "Kremlin source". */
const AFFILIATION_AFTER = /^['’]?\s+(?:[a-z-]+\s+){0,2}(?:officials?|sources?|spokes(?:man|woman|person)|diplomats?|negotiators?|aides?|advisers?|advisors?|commanders?|officers?|lawmakers?|insiders?|figures?|members?|representatives?|envoys?)\b/;

interface RawMention {
  start: number;
  end: number;
  tokens: string[];
  possessive: boolean;
  /** Evidence the sequence names a person without help from other mentions. */
  personal: boolean;
  gender: Gender;
  /** Title or role words written right before the name, lower-cased. */
  role: string[];
}

const CLAUSE_ENDS = new Set(';:!?()"“”\n');
/** Lower-cased words just before `offset` in the same clause, nearest last (at most `n`). */
function wordsBefore(text: string, offset: number, n: number): string[] {
  const from = Math.max(0, offset - 120);
  let chunk = text.slice(from, offset);
  // only the last clause counts: start after the last clause end other than a stop (the initialisms'
  // pass below only removes stops, so it cannot move that cut; and no initialism runs across it)
  for (let i = chunk.length - 1; i >= 0; i--) {
    const c = chunk[i];
    if (CLAUSE_ENDS.has(c) || (i > 0 && chunk[i - 1] === ',' && /\s/.test(c))) {
      chunk = chunk.slice(i + 1);
      break;
    }
  }
  // the stops of an initialism ("U.S. President") do not end the clause
  chunk = chunk.replace(/(?<![\p{L}])((?:\p{Lu}\.){2,})/gu, (x) => x.replace(/\./g, ''));
  const clause = chunk.split(/[.;:!?()"“”\n]|,\s/).pop() ?? '';
  return clause.trim().split(/\s+/).filter(Boolean).slice(-n);
}

const hasSpeechVerbAfter = (text: string, end: number): boolean => {
  // a name coordinated with the subject of a speech verb also speaks: "Varadkar and Johnson said"
  const m = /^(?:(?:,\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)*,?\s+and\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)?\s+(?:(?:also|then|later|earlier|again|has|had|have|was|would|will|\w+ly)\s+){0,2}([a-z]+)/u.exec(text.slice(end, end + 80));
  return !!m && SPEECH_VERB_FORMS.has(m[1]);
};
const hasSpeechVerbBefore = (text: string, start: number): boolean => {
  const m = /(?:^|[\s,”"’])([a-z]+)\s+$/.exec(text.slice(Math.max(0, start - 20), start));
  return !!m && SPEECH_VERB_FORMS.has(m[1]) && /[,”"’]\s*[a-z]+\s+$/.test(text.slice(Math.max(0, start - 25), start));
};

/** A run of capitalised tokens, cut at possessives and speech verbs: a candidate name with what precedes it. */
type Part = { tokens: string[]; offsets: number[]; start: number; possessive: boolean };

/** One NAME_SEQUENCE match (at `index`) split into its parts. */
function partsOf(sequence: string, index: number): Part[] {
  // split the sequence at possessives: "Trump’s Special Envoy Steve Witkoff" is two names
  const parts: Part[] = [];
  const re = /\S+/g;
  let t: RegExpExecArray | null;
  let current: Part = { tokens: [], offsets: [], start: -1, possessive: false };
  while ((t = re.exec(sequence))) {
    // a title-case headline ("Zelensky Says Ukraine Faces …") runs names into verbs: split at speech verbs
    if (current.tokens.length && SPEECH_VERB_FORMS.has(t[0].toLowerCase()) && /s$|ed$|said|told|wrote/.test(t[0].toLowerCase())) {
      parts.push(current);
      current = { tokens: [], offsets: [], start: -1, possessive: false };
      continue;
    }
    const [bare, poss] = stripPossessive(t[0]);
    if (current.start < 0) current.start = index + t.index;
    current.tokens.push(cleanToken(bare));
    current.offsets.push(index + t.index);
    if (poss) {
      current.possessive = true;
      parts.push(current);
      current = { tokens: [], offsets: [], start: -1, possessive: false };
    }
  }
  if (current.tokens.length) parts.push(current);
  return parts;
}

function rawMentions(text: string, excluded: (offset: number) => boolean): RawMention[] {
  const out: RawMention[] = [];
  NAME_SEQUENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_SEQUENCE.exec(text))) {
    if (excluded(m.index)) continue;
    for (const part of partsOf(m[0], m.index)) {
      const mention = mentionOf(text, part);
      if (mention) out.push(mention);
    }
  }
  return out;
}

/**
 * The mention a part names, if any. (One function per part, apart from the scan: a function V8
 * drops and recompiles is then a small one.)
 */
function mentionOf(text: string, part: Part): RawMention | undefined {
  // the name is the longest run of name-like tokens at the end; what precedes is title or organisation
  let k = part.tokens.length - 1;
  // a role noun before a name is a title, not part of the name: "Presidential Aide Yuri Ushakov"
  while (
    k >= 0 &&
    // a particle inside a name, between a name-like word and the surname: "Piet Van Rooy"
    ((k > 0 && k < part.tokens.length - 1 && PARTICLES.has(part.tokens[k].toLowerCase()) && isNameLike(part.tokens[k - 1], false)) ||
      (isNameLike(part.tokens[k], k > 0 && isKnownFirstName(part.tokens[k - 1])) && !(k < part.tokens.length - 1 && ROLE_NOUNS.has(part.tokens[k].toLowerCase()))))
  )
    k--;
  // a first name spelled like a state, right after a title: "Defence Minister Israel Katz", "President Jordan Reyes"
  if (k >= 1 && k === part.tokens.length - 2 && (STATE_NAMES.has(part.tokens[k].toLowerCase()) || lexiconTags(part.tokens[k].toLowerCase()).includes('Country')) && TITLE_WORDS.has(part.tokens[k - 1].toLowerCase()) && isNameLike(part.tokens[k + 1], true)) k--;
  // two capitals before a surname, right after a title, are initials: "Vice President JD Vance"
  if (k >= 0 && k === part.tokens.length - 2 && /^\p{Lu}{2}$/u.test(part.tokens[k]) && !STATE_NAMES.has(part.tokens[k].toLowerCase())) {
    const titleBefore = k > 0 ? part.tokens[k - 1] : wordsBefore(text, part.start, 1)[0];
    if (titleBefore && TITLE_WORDS.has(titleBefore.toLowerCase())) k--;
  }
  const nameTokens = part.tokens.slice(k + 1);
  if (nameTokens.length === 0 || nameTokens.length > 4) return undefined;
  // a place that stands for a government ("Downing Street", "Capitol Hill") or a state's name in words: not a person
  const phrase = nameTokens.length >= 2 ? nameTokens.join(' ').toLowerCase() : '';
  if (phrase && (METONYMS.has(phrase) || STATE_NAMES.has(phrase))) return undefined;
  // "a senior Hamas official", "an Israeli military source": the name is the affiliation of an
  // unnamed person, not a person
  // (the anchored test first: it fails at once on most names)
  if (!part.possessive && AFFILIATION_AFTER.test(text.slice(part.offsets[part.tokens.length - 1] + part.tokens[part.tokens.length - 1].length, part.start + 200)) && AFFILIATION_BEFORE.test(text.slice(Math.max(0, part.start - 30), part.start))) return undefined;
  const leading = part.tokens.slice(0, k + 1).map((w) => w.toLowerCase().replace(/\.$/, ''));
  const start = part.offsets[k + 1];
  const last = part.tokens.length - 1;
  const end = part.offsets[last] + part.tokens[last].length;
  // (concat, not a spread: spreading arrays of differing element kinds, an empty one among them,
  // made V8 drop this function's optimised code twice a run, each time recompiled at ~50 ms of CPU)
  const before = wordsBefore(text, part.start, 6).concat(leading);
  const honorific = leading.length > 0 ? genderOfFirstName(leading[leading.length - 1]) : undefined;
  return {
    start,
    end,
    tokens: nameTokens,
    possessive: part.possessive,
    personal:
      // evidence that the words name a person, the cheap tests first (each tried only when those before fail):
      // an honorific or title, a known first name, the lexicon's person words,
      honorific !== undefined ||
      before.slice(-3).some((w) => TITLE_WORDS.has(w) || ROLE_NOUNS.has(w)) ||
      (nameTokens.length >= 2 && isKnownFirstName(nameTokens[0])) ||
      nameTokens.some((n) => lexiconTags(n).some((tag) => tag === 'LastName' || tag === 'Person')) ||
      // a role in apposition, for a person the lexicon does not know ("Kaja Kallas, the EU's foreign
      // policy chief", "its chair, Ilana Seid"),
      (!part.possessive && nameTokens.length >= 2 && (roleWordsAfter(text, end).length > 0 || roleWordsBeforeComma(text, start).length > 0)) ||
      // or the subject of a speech verb whose first word the lexicon does not know
      (!part.possessive && nameTokens.length <= 3 && lexiconTags(nameTokens[0]).length === 0 && (hasSpeechVerbAfter(text, end) || hasSpeechVerbBefore(text, start))),
    gender: honorific ?? (nameTokens.length >= 2 ? genderOfFirstName(nameTokens[0]) : undefined),
    role: roleWordsBefore(before),
  };
}

/** The role words written before a name ("top Kremlin foreign policy adviser"), when they contain a role noun. */
function roleWordsBefore(words: string[]): string[] {
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i].toLowerCase().replace(/['’]s$/, '');
    if (['the', 'a', 'an', 'and', 'with', 'by', 'to', 'for', 'said', 'told', 'as', 'that'].includes(w)) break;
    out.unshift(w);
  }
  return out.some((w) => ROLE_NOUNS.has(w) || TITLE_WORDS.has(w)) ? out : [];
}

const ROLE_BEFORE_COMMA = /(?:^|[\s(])((?:[\p{L}'’-]+\s+){0,5}[\p{L}'’-]+),\s*$/u;
const ROLE_RUN_CHAR = /^[\p{L}'’\s-]$/u;
/** Where the run of ROLE_RUN_CHAR characters (code points, as the pattern reads them) ending just before `end` starts. */
function roleRunStart(head: string, end: number): number {
  let q = end;
  while (q > 0) {
    const low = head.charCodeAt(q - 1);
    const w = low >= 0xdc00 && low <= 0xdfff && q >= 2 && head.charCodeAt(q - 2) >= 0xd800 && head.charCodeAt(q - 2) <= 0xdbff ? 2 : 1;
    if (!ROLE_RUN_CHAR.test(head.slice(q - w, q))) break;
    q -= w;
  }
  return q;
}
/** The role written before the name and a comma: "Lakeland's foreign minister, Helena Varga" */
function roleWordsBeforeComma(text: string, start: number): string[] {
  const head = text.slice(Math.max(0, start - 80), start);
  // most names follow no comma: skip the pattern (slow to fail: it is tried from every position)
  // unless the text before the name ends with one (trimEnd strips exactly what \s matches)
  if (!head.trimEnd().endsWith(',')) return [];
  // the match lies in the run of letters, apostrophes, hyphens and spaces before that comma: the
  // pattern is tried from one character before the run (the "(" or start it may need), not from every position
  const m = ROLE_BEFORE_COMMA.exec(head.slice(Math.max(0, roleRunStart(head, head.trimEnd().length - 1) - 1)));
  if (!m) return [];
  const words = m[1].toLowerCase().split(/\s+/);
  return ROLE_NOUNS.has(words[words.length - 1]) ? roleWordsBefore(words) : [];
}

/** The role in an apposition after the name: "Peskov, the Kremlin spokesman," */
function roleWordsAfter(text: string, end: number): string[] {
  // the article may be left out: "Andriy Yermak, head of the presidential office, said"
  const m = /^,\s+(?:(?:the|a|an|his|her|(\p{Lu}[\p{L}.]+)['’]s)\s+)?(?!(?:who|whose|which|where|when|and|or|but|said|says|told)\b)([^,.;:()“”"]{2,80})[,.;:)]/u.exec(text.slice(end, end + 100));
  if (!m) return [];
  // the possessor is part of the role: "Russia's foreign minister" is a Russian minister
  const words = `${m[1] ?? ''} ${m[2]}`.trim().toLowerCase().split(/\s+/);
  return words.some((w) => ROLE_NOUNS.has(w)) ? words : [];
}

const speakerIndexes = new WeakMap<KnownSpeaker[], { knownBySurname: Map<string, KnownSpeaker>; knownByAlias: Map<string, KnownSpeaker> }>();
/** Lookup tables of known speakers by alias and by surname key, built once per speaker list. */
function speakerIndex(known: KnownSpeaker[]) {
  let index = speakerIndexes.get(known);
  if (!index) {
    const knownBySurname = new Map<string, KnownSpeaker>();
    const knownByAlias = new Map<string, KnownSpeaker>();
    for (const k of known) {
      for (const n of [k.name, ...k.aliases]) {
        knownByAlias.set(stripDiacritics(n.toLowerCase()), k);
        const toks = n.split(/\s+/);
        if (toks.length >= 1 && /^\p{Lu}/u.test(toks[toks.length - 1])) knownBySurname.set(surnameKey(toks[toks.length - 1]), k);
      }
    }
    index = { knownBySurname, knownByAlias };
    speakerIndexes.set(known, index);
  }
  return index;
}

export interface PeopleIndex {
  entities: PersonEntity[];
  mentions: PersonMention[];
}

/** Record a role once per entity (an article repeats "the Kremlin spokesman" many times). */
function addRole(entity: PersonEntity, words: string[]): void {
  if (!words.length) return;
  const key = words.join(' ');
  if (entity.roles.some((r) => [...r].join(' ') === key)) return;
  if (entity.roles.length < 32) entity.roles.push(new Set(words));
}

const sameFirstName = (a: string, b: string): boolean => stripDiacritics(a[0].toLowerCase()) === stripDiacritics(b[0].toLowerCase());

/**
 * Find the people an article names and merge their mentions. `excluded(offset)` hides offsets
 * inside quotations (names quoted are not the reporter's mentions). `known` are the case's speakers.
 */
export function findPeople(text: string, excluded: (offset: number) => boolean, known: KnownSpeaker[] = []): PeopleIndex {
  const raws = rawMentions(text, excluded);
  const confirmedKeys = new Set<string>();
  for (const r of raws) if (r.personal) confirmedKeys.add(surnameKey(r.tokens[r.tokens.length - 1]));
  const { knownBySurname, knownByAlias } = speakerIndex(known);
  const entities: PersonEntity[] = [];
  const mentions: PersonMention[] = [];
  const bySurname = new Map<string, PersonEntity[]>();
  for (const r of raws) {
    const surname = r.tokens[r.tokens.length - 1];
    const key = surnameKey(surname);
    const knownSpeaker = knownByAlias.get(stripDiacritics(r.tokens.join(' ').toLowerCase())) ?? knownBySurname.get(key);
    if (!r.personal && !confirmedKeys.has(key) && !knownSpeaker) continue;
    // a mention joins the entity with the same surname key and a compatible first name
    const sameSurname = bySurname.get(key) ?? [];
    let entity = sameSurname.find((e) => r.tokens.length < 2 || !e.firstInitial || sameFirstName(e.firstInitial, r.tokens[0]));
    // British usage names a knight or dame by honorific and first name ("Sir Keir" for Keir Starmer)
    if (!entity && r.tokens.length === 1 && /^(?:sir|dame)$/i.test(wordsBefore(text, r.start, 1)[0] ?? '')) {
      const first = stripDiacritics(r.tokens[0].toLowerCase());
      entity = entities.find((e) => e.firstInitial !== undefined && stripDiacritics(e.firstInitial.toLowerCase()) === first);
    }
    if (!entity) {
      entity = { id: entities.length, canonical: '', gender: undefined, roles: [], mentions: [] };
      entities.push(entity);
      sameSurname.push(entity);
      bySurname.set(key, sameSurname);
    }
    if (r.tokens.length >= 2) entity.firstInitial ??= r.tokens[0];
    const mention: PersonMention = { start: r.start, end: r.end, text: text.slice(r.start, r.end), tokens: r.tokens, possessive: r.possessive, entity: entity.id };
    entity.mentions.push(mention);
    mentions.push(mention);
    entity.gender ??= r.gender;
    for (const role of [r.role, roleWordsAfter(text, r.end), roleWordsBeforeComma(text, r.start)]) addRole(entity, role);
    if (knownSpeaker) {
      entity.canonical = knownSpeaker.name;
      entity.actor = knownSpeaker.actor;
      if (knownSpeaker.role) addRole(entity, knownSpeaker.role.toLowerCase().split(/\s+/));
    }
  }
  // the case's speakers the article does not name: role holders a role phrase can still refer to
  // ("the Russian president" in an article that never names Putin), never found by name
  for (const k of known) {
    if (!k.role || entities.some((e) => e.canonical === k.name)) continue;
    const entity: PersonEntity = { id: entities.length, canonical: k.name, gender: undefined, roles: [], mentions: [], actor: k.actor, latent: true };
    addRole(entity, k.role.toLowerCase().split(/\s+/));
    entities.push(entity);
  }
  for (const e of entities) {
    if (e.canonical) continue;
    // the fullest name the article uses: most tokens, then the most frequent, then the first
    const counts = new Map<string, number>();
    for (const m of e.mentions) counts.set(m.tokens.join(' '), (counts.get(m.tokens.join(' ')) ?? 0) + 1);
    let best = '';
    for (const [name, n] of counts) {
      const bt = best.split(' ').length;
      const nt = name.split(' ').length;
      if (!best || nt > bt || (nt === bt && n > (counts.get(best) ?? 0))) best = name;
    }
    e.canonical = best;
  }
  mentions.sort((a, b) => a.start - b.start);
  return { entities, mentions };
}

/** Role words that mean the same office in news prose. */
const ROLE_SYNONYMS: ReadonlyMap<string, string[]> = table({
  leader: ['president', 'premier', 'prime', 'chancellor', 'leader', 'head'],
  president: ['president', 'leader'],
  adviser: ['adviser', 'advisor', 'aide'],
  advisor: ['adviser', 'advisor', 'aide'],
  aide: ['adviser', 'advisor', 'aide'],
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson', 'press secretary'],
  spokeswoman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson'],
  negotiator: ['negotiator', 'envoy', 'head'],
  envoy: ['envoy', 'negotiator', 'emissary'],
});
const ROLE_FILLERS = new Set(['the', 'a', 'an', 'of', 'for', 'top', 'senior', 'chief', 'and']);

/**
 * The person a role phrase ("the Kremlin adviser", "the Ukrainian president") refers to: the
 * entity whose roles in this article contain every content word of the phrase (synonyms allowed),
 * the most recently mentioned one before `offset` when several match.
 */
export function resolveRole(index: PeopleIndex, phrase: string, offset: number, contextState?: string | (() => string | undefined)): PersonEntity | undefined {
  const words = phrase
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .filter((w) => w && !ROLE_FILLERS.has(w));
  if (!words.some((w) => ROLE_NOUNS.has(w) || TITLE_WORDS.has(w))) return undefined;
  const matches = (e: PersonEntity): boolean =>
    e.roles.some((role) => {
      const expanded = new Set<string>();
      for (const r of role) {
        expanded.add(r);
        expanded.add(r.replace(/['’]s$/, ''));
        const demonymState = r.replace(/n$/, '').replace(/ia$/, 'ia');
        expanded.add(demonymState);
      }
      return words.every((w) => (ROLE_SYNONYMS.get(w) ?? [w]).some((s) => expanded.has(s)) || expanded.has(w.replace(/n$/, '')) || [...expanded].some((r) => r.startsWith(w.slice(0, 5)) && w.length >= 5) || stateWordOf(e, w));
    });
  // a state word in the phrase ("the Russian president") is met by the state the person's roles or case actor give
  const stateWordOf = (e: PersonEntity, w: string): boolean => {
    const st = stateOfWord(w);
    return st !== undefined && statesOf(e).has(st);
  };
  // the state the phrase names ("the Russian president"), else the state the text speaks of around it
  // ("In Moscow, the president said"): the holder of the role for that state, not the last one named
  const matching = index.entities.filter(matches);
  if (matching.length === 0) return undefined;
  // the state is looked up only when it can decide: several holders, or one the article never names
  const decides = matching.length > 1 || matching.some((e) => e.latent);
  const state = words.map(stateOfWord).find(Boolean) ?? (decides ? (typeof contextState === 'function' ? contextState() : contextState) : undefined);
  const candidates = matching.filter((e) => !e.latent || (state !== undefined && statesOf(e).has(state)));
  const ofState = state ? candidates.filter((e) => statesOf(e).has(state)) : [];
  let best: PersonEntity | undefined;
  let bestAt = -2;
  for (const e of ofState.length ? ofState : candidates) {
    const last = lastMentionBefore(e.mentions, offset);
    if (last > bestAt) {
      best = e;
      bestAt = last;
    }
  }
  return best;
}

/** The state a word names: a demonym ("Russian"), a state ("U.S."), a seat of government ("Kremlin"), a country. */
export function stateOfWord(word: string): string | undefined {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/[,.;:]+$/, (d) => (/^(?:\p{L}\.)+$/u.test(word.toLowerCase()) ? d : ''));
  const state = DEMONYM_STATES.get(w) ?? STATE_NAMES.get(w) ?? METONYMS.get(w) ?? (/^(?:\p{L}\.?){2,3}$/u.test(w) ? STATE_NAMES.get(w.replace(/\./g, '')) : undefined);
  if (state) return state;
  if (lexiconTags(w).includes('Country')) return w.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
  return undefined;
}

/** The states a person's roles (or case actor) tie them to: "U.S. President" → United States. */
function statesOf(e: PersonEntity): Set<string> {
  const out = new Set<string>();
  for (const role of e.roles) for (const w of role) {
    const st = stateOfWord(w);
    if (st) out.add(st);
  }
  if (e.actor) {
    const st = stateOfWord(e.actor);
    if (st) out.add(st);
  }
  return out;
}

/** The last state named before `offset` in the same or the previous sentence (at most 300 characters back), outside quotations. */
export function stateNear(text: string, offset: number, excluded: (o: number) => boolean = () => false): string | undefined {
  const from = Math.max(0, offset - 300);
  let window = text.slice(from, offset);
  // the previous sentence and this one: cut at the second-last sentence end
  const ends = [...window.matchAll(/[.!?]["”’]?\s+(?=\p{Lu})|\n/gu)].map((m) => m.index + m[0].length);
  const cut = ends.length >= 2 ? ends[ends.length - 2] : 0;
  window = window.slice(cut);
  const base = from + cut;
  let found: string | undefined;
  for (const m of window.matchAll(/(?<![\p{L}.'’-])\p{Lu}[\p{L}.'’-]*(?:\s+(\p{Lu}[\p{L}'’-]*))?/gu)) {
    if (excluded(base + m.index)) continue;
    // a two-word seat of government ("White House", "Downing Street"), else the first word
    const st = METONYMS.get(m[0].toLowerCase()) ?? STATE_NAMES.get(m[0].toLowerCase()) ?? stateOfWord(m[0].split(/\s+/)[0]) ?? (m[1] ? stateOfWord(m[1]) : undefined);
    if (st) found = st;
  }
  return found;
}

/** Start of the last mention (mentions sorted by offset) before `offset`, or -1. */
function lastMentionBefore(mentions: PersonMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) {
      best = mentions[mid].start;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Index of the first mention starting at or after `offset` (mentions sorted by offset). */
export function firstMentionFrom(mentions: PersonMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
