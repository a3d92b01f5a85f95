/**
 * The news outlets and agencies an article credits for its information: "according to Al Jazeera",
 * "told AFP", "Reuters reported", "speaking on Fox News", "the newspaper Kommersant". A mention
 * counts only in such a crediting construction, so photo credits ("VALENTIN FLAURAUD / AFP"),
 * bylines and the publisher's own dateline ("/TASS/", "(CNN) —") do not.
 */
import { KNOWN_OUTLETS, OUTLET_NAME_WORDS, OUTLET_NOUNS, isKnownFirstName, lexiconTags } from './lexicon.ts';
import { stripDiacritics } from './people.ts';

/** Other names of the same outlet, mapped to the name reported. */
const OUTLET_CANONICAL: ReadonlyMap<string, string> = new Map(Object.entries({
  'agence france-presse': 'AFP',
  'associated press': 'AP',
  'the associated press': 'AP',
  'new york times': 'The New York Times',
  'washington post': 'The Washington Post',
  'wall street journal': 'The Wall Street Journal',
  'the financial times': 'Financial Times',
  guardian: 'The Guardian',
  spiegel: 'Der Spiegel',
  'kyiv independent': 'The Kyiv Independent',
  'moscow times': 'The Moscow Times',
  ria: 'RIA Novosti',
  'rfe/rl': 'Radio Free Europe',
  ft: 'Financial Times',
  wsj: 'The Wall Street Journal',
  nyt: 'The New York Times',
  wapo: 'The Washington Post',
  scmp: 'South China Morning Post',
  'dw news': 'Deutsche Welle',
  dw: 'Deutsche Welle',
}));

/** Words that name an outlet's service rather than another outlet: "ABC" and "ABC News" are one. */
const SERVICE_WORDS = /^(?:News|Novosti|TV|Television|Radio|Online|Digital|Channel|Network|Broadcasting|Wire)$/;

/**
 * One name per outlet: a found name that is the first words of another found name, the rest being
 * service words ("ABC" / "ABC News", "Sky" / "Sky News", "RIA" / "RIA Novosti"), is the longer one.
 */
function mergeVariants(names: string[]): string[] {
  const longer = (a: string): string | undefined =>
    names.find((b) => b !== a && b.startsWith(`${a} `) && b.slice(a.length + 1).split(/\s+/).every((w) => SERVICE_WORDS.test(w)));
  return [...new Set(names.map((n) => longer(n) ?? n))];
}

/** The publisher's own names: its canonical outlet name and its name without a parenthesis ("ABC News (Australian Broadcasting Corporation)"). */
function publisherKeys(publisher: string): string[] {
  const bare = publisher.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const keys = [bare, canonicalOutlet(bare) ?? bare, publisher.replace(/^[^(]*\(([^)]*)\).*$/, '$1')];
  return [...new Set(keys.map((k) => stripDiacritics(k.toLowerCase()).replace(/^the\s+/, '')).filter((k) => k.length >= 2))];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const OUTLET_ALTERNATION = [...KNOWN_OUTLETS].sort((a, b) => b.length - a.length).map(escape).join('|');
/** A known outlet, or a capitalised name shaped like an outlet's (up to five words). */
const OUTLET = `(?:the[ \\t]+)?(?:${OUTLET_ALTERNATION})(?![\\p{L}\\p{N}])|(?:the[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}.&'’-]*(?:[ \\t]+(?:of[ \\t]+)?\\p{Lu}[\\p{L}\\p{N}.&'’-]*){0,4}`;

/** Cues written before the outlet: "according to X", "told X", "in an interview with X", "the newspaper X". */
const BEFORE_CUES = [
  'according\\s+to',
  'per',
  'citing',
  'cited\\s+by',
  'quoted\\s+by',
  'reported\\s+by',
  'told',
  'telling',
  'tells',
  'said\\s+(?:on|to)',
  'speaking\\s+(?:on|to|with)',
  'spoke\\s+(?:on|to|with)',
  'wrote\\s+in',
  'writing\\s+in',
  'in\\s+(?:an?\\s+)?(?:\\w+\\s+){0,2}(?:interview|op-ed|article|column|broadcast|report)\\s+(?:with|for|in|on|by|published\\s+by)',
].join('|');
/** Nouns that introduce an outlet by name: "the newspaper Kommersant", "news outlet Suspilne". */
const OUTLET_NOUN_CUES = 'news\\s*paper|daily|weekly|broadcaster|news\\s+agency|agency|news\\s+outlet|outlet|news\\s+site|website|tv\\s+channel|channel|magazine|tabloid|network|publication|wire\\s+service';
/** Cues written after the outlet: "X reported", "X's correspondent". */
const AFTER_CUES =
  "reported|reports|reporting|said|says|wrote|writes|published|publishes|quoted|quotes|cited|cites|broadcast|aired|revealed|obtained|learned|has\\s+learned|confirmed|first\\s+reported|news\\s+agency|newspaper";

/** Cue words may open a sentence ("According to …"); only their first letter varies in case. */
const capitalisable = (alternation: string): string =>
  alternation
    .split('|')
    .map((c) => (/^[a-z]/.test(c) ? `[${c[0]}${c[0].toUpperCase()}]${c.slice(1)}` : c))
    .join('|');
// Cues are found first and the outlet name is matched only next to them, so the long alternation of
// outlet names is tried at a handful of positions, not at every character (linear on 10 MB input).
const BEFORE_RE = new RegExp(`\\b(?:(${capitalisable(BEFORE_CUES)})|(${OUTLET_NOUN_CUES}))[ \\t]+`, 'gu');
const AFTER_RE = new RegExp(`(?:(?:\\s+(?:later|also|first|earlier|then|separately|previously|again))?\\s+(?:${AFTER_CUES})\\b|['’]s\\s+(?:report|reporting|correspondent|sources|interview|investigation)\\b|,[ \\t]+(?:citing|quoting)\\b)`, 'gu');
const OUTLET_AT = new RegExp(`(?:${OUTLET})`, 'uy');
/** The capitalised run (up to six words, "The" allowed) that ends right before a cue. */
const NAME_RUN_BEFORE = /(?<![\p{L}\p{N}])(?:[Tt]he[ \t]+)?(?:\p{Lu}[\p{L}\p{N}.&'’/-]*[ \t]+(?:of[ \t]+)?){0,5}\p{Lu}[\p{L}\p{N}.&'’/-]*$/u;

const OUTLETS_BY_KEY = new Map(KNOWN_OUTLETS.map((o) => [stripDiacritics(o.toLowerCase()), o]));

/** The outlet a name stands for ("the FT" → "Financial Times"), when it is a known outlet. */
export function outletName(raw: string): string | undefined {
  return canonicalOutlet(raw);
}

function canonicalOutlet(raw: string): string | undefined {
  const name = raw.replace(/^the\s+/i, (m) => (/^The\s+(?:New York Times|Washington Post|Wall Street Journal|Guardian|Times|Telegraph|Independent|Economist|Atlantic|Hill|Kyiv Independent|Moscow Times|New Yorker|Sun)\b/.test(raw) ? m : '')).trim();
  const lower = stripDiacritics(name.toLowerCase());
  const known = OUTLETS_BY_KEY.get(lower) ?? OUTLETS_BY_KEY.get(`the ${lower}`);
  if (known) return OUTLET_CANONICAL.get(known.toLowerCase()) ?? known;
  if (OUTLET_CANONICAL.has(lower)) return OUTLET_CANONICAL.get(lower)!;
  return undefined;
}

export interface SourceOptions {
  /** The publisher of the article itself: never a credited source. */
  publisher?: string;
  /** Offsets to ignore (inside quotations). */
  excluded?: (offset: number) => boolean;
}

/** Credited outlets, in order of first mention, without duplicates. */
export function findSources(text: string, options: SourceOptions = {}): string[] {
  const found: Array<{ at: number; name: string }> = [];
  const publisher = options.publisher ? publisherKeys(options.publisher) : [];
  const consider = (raw: string, at: number, introducedAsOutlet: boolean) => {
    if (options.excluded?.(at)) return;
    // trim words that follow the name in the same capitalised run ("AFP Sunday", "Reuters That")
    let name = raw.trim();
    let canonical = canonicalOutlet(name);
    if (!canonical) {
      const words = name.split(/\s+/);
      for (let n = words.length - 1; n >= 1 && !canonical; n--) {
        const shorter = words.slice(0, n).join(' ');
        canonical = canonicalOutlet(shorter);
        if (canonical) name = shorter;
      }
    }
    if (!canonical) {
      const clean = name.replace(/^the\s+/i, '').replace(/[.,]+$/, '');
      // "local broadcaster Ines Adler", "agency veteran Tom Hale": a person's name after the noun is a
      // person (a broadcaster, a newspaper's columnist), not an outlet
      const personal = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$/u.test(clean) && isKnownFirstName(clean.split(/\s+/)[0]);
      if (!personal && (OUTLET_NAME_WORDS.test(clean) || introducedAsOutlet)) canonical = clean;
    }
    if (!canonical || /^(?:state|foreign|local|Russian|Ukrainian|Western|social)\s+media$/i.test(canonical)) return;
    // "the Russian newspaper Kommersant": a nationality is not an outlet
    if (lexiconTags(canonical).includes('Demonym') || /^(?:state|national|local|independent|opposition|pro-\w+)$/i.test(canonical)) return;
    if (/^(?:X|Telegram|Facebook|Instagram|YouTube|TikTok|Truth Social|Twitter)$/.test(canonical)) return;
    // the publisher is never its own source, under any of its names ("ABC" in an ABC News article, "AP" in the Associated Press's)
    const lower = stripDiacritics(canonical.toLowerCase()).replace(/^the\s+/, '');
    if (publisher.some((p) => p === lower || new RegExp(`(?:^|\\W)${escape(lower)}(?:\\W|$)`).test(p) || new RegExp(`(?:^|\\W)${escape(p)}(?:\\W|$)`).test(lower))) return;
    if (isDateline(text, at, canonical)) return;
    found.push({ at, name: canonical });
  };
  BEFORE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEFORE_RE.exec(text))) {
    const at = m.index + m[0].length;
    OUTLET_AT.lastIndex = at;
    const name = OUTLET_AT.exec(text);
    if (name) consider(name[0], at, m[2] !== undefined);
  }
  AFTER_RE.lastIndex = 0;
  while ((m = AFTER_RE.exec(text))) {
    const window = text.slice(Math.max(0, m.index - 80), m.index);
    const run = NAME_RUN_BEFORE.exec(window);
    if (!run) continue;
    // the outlet is the end of the run: "On Sunday, the Wall Street Journal reported" → try shorter and shorter tails
    const words = run[0].split(/\s+/);
    let picked = run[0];
    for (let i = 0; i < words.length; i++) {
      const tail = words.slice(i).join(' ');
      if (canonicalOutlet(tail)) {
        picked = tail;
        break;
      }
    }
    consider(picked, m.index - picked.length, /newspaper|news\s+agency/.test(m[0]));
  }
  found.sort((a, b) => a.at - b.at);
  return mergeVariants([...new Set(found.map((f) => f.name))]);
}

/** "MOSCOW, December 1. /TASS/." or "KYIV (Reuters) -" or "News.Az reports": the publisher's own dateline. */
function isDateline(text: string, at: number, name: string): boolean {
  if (at > 200) return false;
  const before = text.slice(Math.max(0, at - 3), at);
  const after = text.slice(at + name.length, at + name.length + 3);
  if (/[(/]\s*$/.test(before) && /^\s*[)/]/.test(after)) return true;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return lineStart === 0 && text.slice(0, at).trim() === '' && new RegExp(`^${escape(name)}\\s+reports\\b`).test(text.slice(at));
}
