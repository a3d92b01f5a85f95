/**
 * Word lists the evidence extractor reasons with: speech cues, titles and roles, outlets, place
 * metonyms. They encode general English news conventions (who "said", what a "spokesman" is, that
 * "the Kremlin" speaks for Russia), not facts about particular articles. Name knowledge (first names,
 * places, countries) comes from the lexicon that ships inside the `compromise` package.
 */
import { PACKED_LEXICON } from './lexicon-data.ts';

/**
 * compromise's lexicon (word → tags), unpacked from src/evidence/lexicon-data.ts, which
 * scripts/compromise-lexicon.ts generates from the installed package: the same tags without loading
 * compromise (~0.5 s) at every start. A Map, so "constructor" or "__proto__" is an unknown word.
 */
const compromiseLexicon = new Map<string, readonly string[]>();
for (const [tags, words] of Object.entries(PACKED_LEXICON)) {
  const list: readonly string[] = Object.freeze(tags.split(','));
  for (const word of words.split('\n')) compromiseLexicon.set(word, list);
}
const NO_TAGS: readonly string[] = Object.freeze([]);

/** compromise's tags for a lower-cased word (empty when the word is unknown to it). */
export function lexiconTags(word: string): readonly string[] {
  return compromiseLexicon.get(word.toLowerCase()) ?? NO_TAGS;
}

export type Gender = 'male' | 'female' | undefined;

/** Gender suggested by a first name or honorific (undefined when the lexicon does not know). */
export function genderOfFirstName(word: string): Gender {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (['mr', 'sir', 'lord', 'king', 'prince'].includes(w)) return 'male';
  if (['mrs', 'ms', 'miss', 'madam', 'madame', 'dame', 'lady', 'queen', 'princess'].includes(w)) return 'female';
  const tags = lexiconTags(w);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  // first names the lexicon lacks: in the Slavic, Baltic and Romance languages that most unknown
  // names in this domain come from, a final -a marks a woman's name (Kaja, Olha, Iryna, Giorgia),
  // with a few common men's names as exceptions
  if (tags.length === 0 && /a$/.test(w) && w.length >= 3 && !MALE_NAMES_IN_A.has(w)) return 'female';
  return undefined;
}

const MALE_NAMES_IN_A = new Set('nikita ilya illia luca andrea joshua mustafa musa isa kostya sasha misha vanya yasha zhenya dima vova seryozha lyosha borja jonah elia mattia nicola sergiu'.split(' '));

export function isKnownFirstName(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.includes('MaleName') || tags.includes('FemaleName') || tags.includes('FirstName');
}

const forms = (stems: string): string[] => stems.trim().split(/\s+/);

/**
 * A read-only lookup table from an object literal. Tables are Maps, never objects read with
 * `obj[word]`: an article's words include "constructor", "toString" and "__proto__", which a plain
 * object would answer from its prototype.
 */
export const table = <V>(entries: Record<string, V>): ReadonlyMap<string, V> => new Map(Object.entries(entries));

/**
 * Speech and writing verbs in every inflection that reports speech ("said", "says", "saying",
 * "has said" is "said"). Regular verbs are inflected mechanically; irregular ones are listed.
 */
const REGULAR_SPEECH_VERBS = forms(`
  add state stress emphasise emphasize insist argue note warn declare announce explain claim assert
  describe hail urge ask reply respond repeat reiterate vow pledge promise acknowledge admit concede
  suggest confirm deny dismiss comment remark quote hint recall observe predict accuse complain tweet
  report voice express caution contend maintain counter allege characterise characterize joke boast
  lament mention demand propose answer retort conclude testify proclaim exclaim affirm underline
  underscore highlight signal indicate post point concur agree object complain welcome praise criticise
  criticize condemn blast slam insist estimate assess forecast question wonder muse scoff recount
  describe publish shout yell whisper plead`);
const IRREGULAR_SPEECH_FORMS = forms(`
  say says said saying tell tells told telling write writes wrote writing written speak speaks spoke
  speaking spoken`);

function inflect(v: string): string[] {
  const base = v;
  const s = /(s|sh|ch|x|z)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const stem = v.endsWith('e') ? v.slice(0, -1) : /[^aeiou]y$/.test(v) ? v.slice(0, -1) + 'i' : v;
  const doubled = /^(?:[^aeiou]*[aeiou])[bdgmnprt]$/.test(v) && !/(w|x|y)$/.test(v) ? v + v.slice(-1) : v;
  const ed = v.endsWith('e') ? `${v}d` : /[^aeiou]y$/.test(v) ? `${stem}ed` : `${doubled}ed`;
  const ing = v.endsWith('e') && !v.endsWith('ee') ? `${v.slice(0, -1)}ing` : `${doubled}ing`;
  return [base, s, ed, ing];
}

export const SPEECH_VERB_FORMS: ReadonlySet<string> = new Set([...REGULAR_SPEECH_VERBS.flatMap(inflect), ...IRREGULAR_SPEECH_FORMS]);

/** Verbs that report speech only with a particular complement ("called it", "described … as"). */
export const LABEL_VERB_FORMS: ReadonlySet<string> = new Set(forms('call calls called calling dub dubs dubbed dubbing term terms termed terming brand brands branded branding label labels labelled labeled labelling nickname nicknamed'));

/** Nouns that report speech: "in a statement", "his comments", "according to". */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(
  forms('statement statements remarks remark comment comments interview interviews post message address speech tweet letter op-ed article column briefing conference words view views assessment warning message'),
);

/** Phrases before a quoted term marking it as a label or scare quote, not as speech. */
export const LABEL_MARKERS = /(?:so[- ]called|dubbed|termed|known as|referred to as|billed as|nicknamed|branded|the (?:term|word|words|phrase|slogan|label|title|hashtag|motto|name)|titled|entitled|headlined|named)\s*$/i;

/** Person titles and roles: they introduce or replace a name ("Kremlin spokesman Dmitry Peskov"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  forms(`president vice-president premier minister secretary chancellor spokesman spokeswoman spokesperson
  adviser advisor aide envoy ambassador negotiator chief head leader commander general governor mayor senator
  congressman congresswoman representative deputy director chairman chairwoman chair official diplomat
  lawmaker mp king queen prince pope prosecutor judge ceo founder analyst expert officer lieutenant colonel
  admiral marshal speaker chief-of-staff foreign-minister emissary mediator delegate counsellor counselor
  commissioner mufti cardinal sheikh emir attorney justice economist researcher professor scholar journalist
  correspondent editor source sources officials`),
);

/**
 * Ordinary people who speak in news without a title or an office: "the moderator asked", "a farmer
 * at the border said", "the minister's wife told reporters". As the head of a speaker's noun phrase
 * they are that phrase (an unnamed one when indefinite), like ROLE_NOUNS, but they are not titles.
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  forms(`moderator host interviewer presenter anchor reporter witness resident villager farmer fisherman
  teacher worker protester activist campaigner lawyer doctor nurse soldier driver student voter trader
  banker investor executive manager employee citizen man woman mother father wife husband son daughter
  brother sister friend neighbour neighbor colleague ally critic supporter opponent veteran survivor
  refugee volunteer observer monitor inspector agent owner pilot engineer priest bishop rabbi imam
  organiser organizer participant attendee relative insider member`),
);

/**
 * Heads of noun phrases that speak collectively: institutions ("the ministry said", "the union
 * said in a statement") and documents ("the statement said", "the plan says"). A speaker whose
 * head is one of these is reported as its noun phrase.
 */
export const COLLECTIVE_NOUNS: ReadonlySet<string> = new Set(
  forms(`ministry government cabinet administration presidency office council committee commission agency
  department embassy mission delegation union federation association alliance coalition party campaign army
  military navy police court tribunal parliament assembly senate congress secretariat bureau authority
  authorities company firm group organisation organization foundation institute bank board management
  leadership command headquarters kremlin statement communique communiqué readout document plan draft text
  proposal report letter memo memorandum resolution declaration decree agreement treaty framework bill law
  order ruling verdict note filing complaint lawsuit petition manifesto platform charter notice release
  announcement`),
);

/** Honorifics and titles written before a name, capitalised. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  forms(`mr mrs ms miss dr prof sir dame lord lady president vice premier prime minister secretary chancellor
  spokesman spokeswoman spokesperson adviser advisor envoy ambassador negotiator chief head leader commander gen
  general governor gov mayor senator sen rep representative deputy director chairman chairwoman king queen prince
  princess pope prosecutor judge justice lt col colonel admiral marshal speaker sheikh emir special foreign
  defence defense interior finance state army navy first top senior former acting interim`),
);

/** Capitalised words that are never part of a person's name. */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set(
  forms(`the a an and or but if in on at of for to by with from as after before during since until while when
  where why how what who whom whose which that this these those there here it its it's he she they we i you his
  her their our my your him them us me also however meanwhile moreover still yet so then now later earlier
  today yesterday tomorrow speaking asked according kremlin council ministry department office committee agency
  bureau party union organization organisation parliament assembly army forces navy court bank fund commission
  service security national federal government house senate congress white news times post journal press
  television radio media agency north south east west northern southern eastern western central new united
  republic kingdom states state affairs defense defence foreign military peace plan talks summit war ukraine
  russia europe european america american russian ukrainian british french german chinese western eastern
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec photo getty images
  reuters afp ap bloomberg cnn bbc tass x telegram facebook instagram youtube tiktok truth social`),
);

/** Pronouns that can stand for a speaker. */
export const PERSONAL_PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'neuter'> = table({
  he: 'male',
  she: 'female',
  they: 'plural',
  it: 'neuter',
});
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'neuter'> = table({
  his: 'male',
  her: 'female',
  their: 'plural',
  its: 'neuter',
});

/**
 * Place and institution names that stand for a state in news prose (metonymy): "Moscow said" is
 * Russia speaking. Capitals and seats of government of the states that most often negotiate.
 */
export const METONYMS: ReadonlyMap<string, string> = table({
  moscow: 'Russia',
  kremlin: 'Russia',
  'the kremlin': 'Russia',
  kyiv: 'Ukraine',
  kiev: 'Ukraine',
  bankova: 'Ukraine',
  washington: 'United States',
  'white house': 'United States',
  'the white house': 'United States',
  'state department': 'United States',
  pentagon: 'United States',
  beijing: 'China',
  london: 'United Kingdom',
  'downing street': 'United Kingdom',
  paris: 'France',
  elysee: 'France',
  élysée: 'France',
  berlin: 'Germany',
  brussels: 'European Union',
  tokyo: 'Japan',
  ankara: 'Turkey',
  tehran: 'Iran',
  minsk: 'Belarus',
  warsaw: 'Poland',
  rome: 'Italy',
  madrid: 'Spain',
  ottawa: 'Canada',
  'new delhi': 'India',
  jerusalem: 'Israel',
  riyadh: 'Saudi Arabia',
  doha: 'Qatar',
  'abu dhabi': 'United Arab Emirates',
  budapest: 'Hungary',
  helsinki: 'Finland',
  pyongyang: 'North Korea',
  seoul: 'South Korea',
});

/** Canonical names for states written in other ways. */
export const STATE_NAMES: ReadonlyMap<string, string> = table({
  us: 'United States',
  'u.s.': 'United States',
  usa: 'United States',
  'u.s.a.': 'United States',
  america: 'United States',
  'united states': 'United States',
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom',
  eu: 'European Union',
  'e.u.': 'European Union',
  'european union': 'European Union',
  nato: 'NATO',
  un: 'United Nations',
  'u.n.': 'United Nations',
  'united nations': 'United Nations',
});

/** Nationality adjectives (compromise's Demonym tag covers most), mapped to the state where needed. */
export const DEMONYM_STATES: ReadonlyMap<string, string> = table({
  russian: 'Russia',
  ukrainian: 'Ukraine',
  american: 'United States',
  'u.s.': 'United States',
  us: 'United States',
  british: 'United Kingdom',
  french: 'France',
  german: 'Germany',
  italian: 'Italy',
  chinese: 'China',
  european: 'European states',
  polish: 'Poland',
  turkish: 'Turkey',
  japanese: 'Japan',
  canadian: 'Canada',
  finnish: 'Finland',
});

/**
 * News outlets and agencies that are commonly credited. The list is a gazetteer of general
 * knowledge; outlets missing from it are still found by their shape ("the newspaper X",
 * "X reported", names ending in News/Times/Post/…).
 */
export const KNOWN_OUTLETS: readonly string[] = [
  'Reuters', 'AFP', 'Agence France-Presse', 'AP', 'Associated Press', 'The Associated Press', 'Bloomberg', 'CNN', 'BBC', 'Al Jazeera',
  'Fox News', 'NBC News', 'NBC', 'CBS News', 'CBS', 'ABC News', 'ABC', 'NPR', 'PBS', 'MSNBC', 'CNBC', 'Sky News', 'Euronews',
  'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post', 'The Wall Street Journal', 'Wall Street Journal',
  'Financial Times', 'The Financial Times', 'The Guardian', 'Guardian', 'The Times', 'The Telegraph', 'Daily Telegraph', 'The Independent',
  'The Economist', 'Politico', 'Axios', 'The Atlantic', 'The Hill', 'Semafor', 'Newsweek', 'Time magazine', 'USA Today', 'Los Angeles Times',
  'Le Monde', 'Le Figaro', 'Der Spiegel', 'Spiegel', 'Bild', 'Die Welt', 'Die Zeit', 'Frankfurter Allgemeine', 'DPA', 'ANSA', 'EFE', 'Corriere della Sera',
  'El País', 'La Repubblica', 'TASS', 'RIA Novosti', 'RIA', 'Interfax', 'Interfax-Ukraine', 'Kommersant', 'Izvestia', 'Vedomosti', 'RBC',
  'Komsomolskaya Pravda', 'Rossiya 1', 'Channel One', 'RT', 'Meduza', 'Novaya Gazeta', 'Ukrainska Pravda', 'Kyiv Independent', 'The Kyiv Independent',
  'Suspilne', 'Ukrinform', 'UNIAN', 'Kyiv Post', 'Xinhua', 'Kyodo', 'NHK', 'Yonhap', 'Anadolu', 'Al Arabiya', 'India Today', 'Times of India',
  'NDTV', 'Hindustan Times', 'Nikkei', 'South China Morning Post', 'Haaretz', 'Times of Israel', 'Radio Free Europe', 'RFE/RL', 'Voice of America',
  'VOA', 'Deutsche Welle', 'DW', 'France 24', 'RFI', 'Sky', 'ITV', 'Channel 4', 'The Moscow Times', 'Moscow Times', 'News.Az', 'Axel Springer',
  'Daily Mail', 'The Sun', 'New York Post', 'Breitbart', 'Vox', 'Slate', 'The New Yorker', 'Foreign Policy', 'Foreign Affairs', 'Le Parisien',
  'Corriere', 'Ouest-France', 'Liberation', 'Libération', 'Handelsblatt', 'NZZ', 'Neue Zürcher Zeitung', 'Helsingin Sanomat', 'Yle', 'NOS',
  'ARD', 'ZDF', 'RAI', 'Rzeczpospolita', 'Gazeta Wyborcza', 'Obozrevatel', 'RBC-Ukraine', 'Hromadske', 'Babel', 'Zvezda', 'Lenta.ru', 'Gazeta.ru',
  // the initials newsrooms use for each other
  'FT', 'WSJ', 'NYT', 'WaPo', 'SCMP', 'DW News',
];

/** Words that mark a capitalised name as a news organisation ("Kyiv Post", "Daily Sabah"). */
export const OUTLET_NAME_WORDS = /\b(?:News|Times|Post|Journal|Press|Agency|Television|TV|Radio|Gazette|Herald|Tribune|Novosti|Pravda|Telegraph|Daily|Weekly|Magazine|Broadcasting|Chronicle|Observer|Courier|Zeitung|Gazeta|Vedomosti|Izvestia|Wire|Dispatch|Express|Mirror|Standard|Inquirer)\b/;
/** Common nouns that introduce an outlet ("the newspaper Kommersant", "news agency Interfax"). */
export const OUTLET_NOUNS = /(?:news ?paper|daily|weekly|broadcaster|news agency|agency|news outlet|outlet|news site|website|channel|tv channel|magazine|tabloid|network|publication|wire service)/i;
