/**
 * Which quoted spans report speech, whether each is a full quote or a fragment in the reporter's
 * sentence, and who said it. The rules follow the attribution patterns of English news prose
 * described in the quotation-extraction literature (Pouliquen, Steinberger & Best 2007, "Automatic
 * detection of quotations in multilingual news"; Pareti et al. 2013, "Automatically detecting and
 * attributing indirect quotations"; the GenderGapTracker's syntactic quote rules, Asr et al. 2021):
 *
 * - postposed attribution: `“…,” Putin said`, `“…,” said Yermak`, `“…,” a U.S. official told AFP`;
 * - preposed attribution: `Putin said: “…”`, `he posted on Telegram: “…”`, `according to X, “…”`;
 * - embedded fragments: `described the plan as “a work in progress”`, governed by the nearest
 *   speech verb before them in the same sentence, whose subject is the speaker;
 * - continuation: a quote with no attribution of its own continues the previous speaker's
 *   (`“A,” he said. “B.”`, or a paragraph that is only a quote);
 * - labels and scare quotes (`the so-called “special military operation”`, a short quoted term
 *   with no speech verb) are not speech.
 *
 * Subjects are found by clause structure: the sentence up to the speech verb is split at commas,
 * fronted adverbials and participle phrases are dropped, as are appositions and relative clauses
 * between commas; the speaker is the person named in the clause next to the verb, else a pronoun
 * (resolved to the most salient earlier person of matching gender), else a role resolved to the
 * person the article names for it, else the noun phrase itself (a collective speaker).
 */
import { COLLECTIVE_NOUNS, LABEL_MARKERS, LABEL_VERB_FORMS, METONYMS, PERSON_NOUNS, PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS, ROLE_NOUNS, SPEECH_VERB_FORMS, STATE_NAMES, TITLE_WORDS, lexiconTags } from './lexicon.ts';
import { firstMentionFrom, resolveRole, stateNear, type PeopleIndex, type PersonEntity, type PersonMention } from './people.ts';
import type { QuotedSpan } from './quotes.ts';
import { segmentAt, type Segment } from './sentences.ts';
import { outletName } from './sources.ts';

export interface AttributedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerMention: string | null;
  cue: string | null;
  partial: boolean;
  /** The person entity of the speaker, when the speaker is a person named in the article. */
  entity?: PersonEntity;
  /** Offsets of the sentence the quote sits in (for issue matching). */
  sentence: Segment;
}

export interface NonQuote {
  text: string;
  start: number;
  end: number;
  reason: string;
}

interface Speaker {
  name: string | null;
  mention: string | null;
  entity?: PersonEntity;
  /** Collective or state speakers, for resolving "they" / "it". */
  group?: boolean;
}

/** Words that open a subordinate clause; a name after them can be that clause's subject. */
const SUBORDINATORS = new Set('after before since until as when while because although though if once'.split(' '));
/** Nouns after which a quoted title names a work or an operation. */
const TITLE_KIND_BEFORE = /\b(?:operation|book|memoir|memoirs|novel|film|movie|documentary|report|song|album|play|series|programme|program|doctrine|exercise|campaign|newspaper|magazine|show|poem|essay|treaty|manifesto|podcast)\s*$/i;
/**
 * A noun phrase whose head, a person, comes before a complement: "an aide to the Ostrian president",
 * "the spokesman for the ministry", "a source close to Varga" (group 2: the head).
 */
const PERSON_BEFORE_COMPLEMENT = /^(an?|one|the|another)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]+)\s+(?:(?:close|near|loyal|familiar)\s+)?(?:to|for|of|at|from|with|in)\s+\S/u;
/**
 * The object of a complement ("Varga", "the Ostrian president", "the Corvian government"): capitalised
 * words, "the", and role or collective nouns from the start of `text`, ending on a capitalised word or
 * such a noun; undefined when there is none.
 */
function complementAfter(text: string): string | undefined {
  const words = /^[^,.;:!?“”"\n]*/.exec(text)![0].split(/(\s+)/);
  let end = -1;
  for (let i = 0; i < words.length; i += 2) {
    const w = words[i];
    const lower = w.toLowerCase();
    if (/^\p{Lu}/u.test(w) || ROLE_NOUNS.has(lower) || COLLECTIVE_NOUNS.has(lower)) end = i;
    else if (lower !== 'the' || i > 0) break;
    if (i >= 8) break;
  }
  return end < 0 ? undefined : words.slice(0, end + 1).join('');
}

/**
 * A determiner and a few lower-case words right beside a speech verb ("“…?” the moderator asked",
 * "asked the clerk"): whatever the noun, that phrase is the speaker (unnamed when indefinite). Without
 * this, a speaker the noun lists do not know left the quote to the previous speaker: a named person
 * given words they never said.
 */
function plainNounPhrase(words: string): Speaker | undefined {
  const np = words.trim().replace(TRAILING_ADVERBS, '');
  const m = /^(the|an?|one|another)\s+((?:[\p{Ll}'’-]+\s+){0,3}[\p{Ll}'’-]+)$/u.exec(np);
  if (!m || /^(?:one|other|same|latter|former|first|second|last)$/.test(m[2])) return undefined;
  return { name: m[1].toLowerCase() === 'the' ? m[2] : `unnamed ${m[2]}`, mention: np, group: true };
}
/** A noun that names a person: a role or title ("aide", "spokesman") or an ordinary one ("moderator", "farmer"). */
const isPersonNoun = (word: string): boolean => ROLE_NOUNS.has(word.toLowerCase()) || PERSON_NOUNS.has(word.toLowerCase());
const PREPOSITIONS = new Set('for of to with by from about against between on at in under after before than into over among via per toward towards behind beside near like including'.split(' '));
const LEADING_DROPPABLE = /^(?:in|on|at|during|after|before|since|until|while|when|as|although|though|if|because|despite|following|amid|with|without|by|for|from|under|over|later|earlier|meanwhile|however|also|still|yet|then|now|today|yesterday|asked|speaking|writing|addressing|but|and|so|separately|similarly|instead|elsewhere|overall|again|previously|last|this|that|on\s+\w+day|\w+ly|\w+ing|\w+ed)\b/i;
const APPOSITION_START = /^(?:who|which|whose|where|when|a|an|the|his|her|their|its|speaking|also|\w+ing|\w+ed|according|in|on|at|for|from|after|before|during|as|like|(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.]*['’]s\s)\b/iu;
const TRAILING_ADVERBS = /(?:\s+(?:also|later|earlier|then|again|previously|once|first|finally|repeatedly|recently|publicly|privately|separately|has|had|have|was|were|is|are|would|will|could|may|might|did|does|do|not|never|\w+ly|on\s+\w+day|this\s+week|last\s+week|on\s+\w+))+$/i;
/** A dateline's place: words in capitals only ("LONDON", "NEW YORK", "ST. PETERSBURG"). */
const DATELINE_PLACE = /^\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3}$/u;
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|\.(?=\p{L}))*/gu;
/**
 * Verbs that report speech in some sentences and not in others ("Russia claims the region"): they
 * count as cues only when a complement clause or a quotation follows.
 */
const AMBIGUOUS_CUES = /^(?:claims?|claimed|posts?|posted|reports?|reported|signal(?:s|ed|led)?|indicat(?:es?|ed)|points?|pointed|questions?|questioned|estimat(?:es?|ed)|assess(?:es|ed)?|welcomes?|welcomed|objects?|objected|agrees?|agreed|answers?|answered|mentions?|mentioned|publish(?:es|ed)?|express(?:es|ed)?|voiced?|praised?|criticized?|criticised?|condemned?|notes?|noted|states?|stated|adds?|added|continues?|continued|demands?|demanded|maintains?|maintained)$/;

/** Verbs whose object is what was said ("told senators the plan was …"), unlike "asked Kyiv for a reply". */
const SAYING_VERBS = /^(?:said|says|told|tells|wrote|writes|added|adds|warned|warns|insisted|insists|argued|argues|stressed|stresses|declared|declares)$/;
/** Verbs by which an outlet or a person reports another's words: "quoted Lavrov as saying". */
const QUOTING_VERBS = /^(?:quoted|quotes|quoting|quote|cited|cites|citing|cite)$/;

interface Cue {
  start: number;
  end: number;
  word: string;
}

export class Attributor {
  private readonly quotes: AttributedQuote[] = [];
  private readonly nonQuotes: NonQuote[] = [];
  /** Attribution events in text order: who spoke at which offset (for continuation and pronouns). */
  private readonly speakerEvents: Array<{ at: number; speaker: Speaker; sentence: number }> = [];
  /** Quotes attributed by continuation only, which a following attributed quote may claim. */
  private readonly unattributed = new Set<AttributedQuote>();

  constructor(
    private readonly text: string,
    private readonly spans: QuotedSpan[],
    private readonly sentences: Segment[],
    private readonly people: PeopleIndex,
  ) {}

  run(): { quotes: AttributedQuote[]; nonQuotes: NonQuote[] } {
    let previous: { quote: AttributedQuote; paragraph: number; full: boolean; speaker: Speaker; cue: string | null } | undefined;
    for (let qi = 0; qi < this.spans.length; qi++) {
      const span = this.spans[qi];
      const text = this.text;
      const inner = text.slice(span.start, span.end);
      const si = segmentAt(this.sentences, span.open);
      if (si < 0) continue;
      const sentence = this.sentences[si];
      const before = text.slice(sentence.start, span.open);
      const sentenceEnd = Math.max(sentence.end, span.close);
      const nextQuote = this.spans[qi + 1];
      const after = text.slice(span.close, nextQuote && nextQuote.open < sentenceEnd ? nextQuote.open : sentenceEnd);
      const prevInSentence = previous && previous.quote.start >= sentence.start ? previous : undefined;
      const wordCount = inner.trim().split(/\s+/).filter(Boolean).length;
      if (!/[\p{L}\p{N}]/u.test(inner)) continue;

      const trimmedBefore = before.trimEnd();
      // a quote that ends with a quote nested in it ("… used to say, 'a bad peace …,'") keeps its own
      // trailing punctuation inside the inner marks
      const innerCore = inner.replace(/['’"”]+$/, '');
      const startsUpper = /^[\s\W]*\p{Lu}/u.test(inner) || /^[\s\W]*(?:I|I['’]\w+)\b/.test(inner);
      const full =
        span.multiParagraph ||
        // a quote opening the sentence is a full quote unless the reporter's sentence runs on from it ("“Serious talks” are needed, …")
        (trimmedBefore === '' && (/[,.!?…:;—–-]\s*$/.test(innerCore) || /^\s*(?:[,.!?;:—–-]|$)/.test(after) || /^\s+\p{Ll}+\s+(?:said|says|told|added|wrote|asked)\b/u.test(after))) ||
        /:$/.test(trimmedBefore) ||
        (/,$/.test(trimmedBefore) && (startsUpper || !!prevInSentence?.full) && !!this.lastCue(sentence.start, span.open)) ||
        (/[—–-]$/.test(trimmedBefore) && startsUpper && wordCount > 3);

      // a short term after a possessive, with the sentence running on ("Russia's “special military
      // operation” entered …", "Trump's “peace plan” has …"), names a thing: house-style scare quotes
      // … unless a speech verb governs it and the quoted words close its clause: "insisted the proposal is
      // not his “final offer” and left", where the possessive belongs to the speaker's own words
      const closesClause = /^\s*(?:[,.;:!?)]|$|(?:and|but|or|because|while)\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those)\b)\p{Ll}|(?:last|this|next)\s+(?:week|weekend|month|year|\p{L}+day)\b)/u.test(after);
      const possessiveLabel = wordCount <= 4 && !/[,.;:!?…]$/.test(inner) && /(?:\p{L}['’]s|\b(?:its|their|his|her|our))\s+$/u.test(before) && /^\s+\p{Ll}/u.test(after) && !/\b(?:called|calls|described|describes)\s+\S+\s+$/.test(before) && !(closesClause && this.governsQuote(sentence.start, span.open));
      // the title of a work or an operation: title-case words after the noun that names the kind
      // (Operation "Allied Force", the memoir "To End a War")
      const titleLabel = wordCount <= 8 && !/[,.;:!?…]$/.test(inner) && /^\p{Lu}/u.test(inner) && inner.split(/\s+/).every((w) => w.length < 4 || /^[\p{Lu}\d]/u.test(w)) && TITLE_KIND_BEFORE.test(before);
      // "asked about the “…”": the quoted term is the topic of a question, not the subject's speech
      const questionTopic = /\b(?:asked|questioned|quizzed|pressed)\s+about\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?$/i.test(before);
      // "what its general secretary called an “insulting” offer": a quoted modifier inside a noun
      // phrase is the speaker's own evaluation, not the name of a thing
      const nextWord = /^\s+(\p{Ll}+)\b/u.exec(after)?.[1];
      const quotedModifier = wordCount <= 2 && /\b(?:a|an)\s+$/i.test(before) && !!nextWord && !lexiconTags(nextWord).some((t) => ['Preposition', 'Conjunction', 'Copula', 'PastTense', 'Modal', 'Auxiliary', 'Determiner', 'Adverb'].includes(t));
      if (!full && (possessiveLabel || titleLabel || questionTopic || LABEL_MARKERS.test(before) || (!quotedModifier && /\bwhat\s+(?:\S+\s+){0,4}(?:calls?|called|terms?|termed|dubs?|dubbed|describes?|described|labels?|labell?ed)\s+(?:(?:as|its|the|a|an|his|her|their)\s+)*$/i.test(before)))) {
        this.nonQuotes.push({ text: inner, start: span.start, end: span.end, reason: 'label or scare quote' });
        continue;
      }

      // a stand-alone quoted line ("'CRITICAL PHASE'" between paragraphs) is a subhead or page
      // furniture: nobody is credited with it
      if (this.isSubhead(span, inner, wordCount)) {
        this.nonQuotes.push({ text: inner, start: span.start, end: span.end, reason: 'subhead or page furniture' });
        continue;
      }

      let speaker: Speaker | undefined;
      let cueText: string | null = null;
      const postposed = this.postposed(span, after, innerCore);
      const cueBefore = this.lastCue(prevInSentence && !full ? Math.max(sentence.start) : sentence.start, span.open);
      // "Rubio told senators the plan was “a list of ideas,” according to two senators": the verb before
      // the words names who said them; the "according to" after them, who reported it
      const reportedBy = postposed?.cue === 'according to' && !full && cueBefore !== undefined && SAYING_VERBS.test(cueBefore.word);
      if (postposed && !reportedBy && (full || /^\s*[,—–]/.test(after) || /[,!?]$/.test(innerCore) || !cueBefore)) {
        speaker = postposed.speaker;
        cueText = postposed.cue;
      } else if (cueBefore) {
        const found = this.speakerForCue(cueBefore, sentence, si, span.open, prevInSentence?.speaker);
        speaker = found;
        cueText = this.cuePhrase(cueBefore.start, span.open);
      }
      if (!speaker && /:$/.test(trimmedBefore)) {
        // a live-page subhead or headline tag: "Starmer: ‘This is a critical moment’"
        const colon = sentence.start + trimmedBefore.length - 1;
        const lead = text.slice(sentence.start, colon).trim();
        if (lead && lead.split(/\s+/).length <= 4 && !/[.!?]/.test(lead)) {
          const tagged = this.personIn(sentence.start, colon) ?? this.resolveNounPhrase(sentence.start, colon);
          if (tagged?.name) {
            speaker = tagged;
            cueText = ':';
          }
        }
      }
      if (!speaker && full) {
        // "Thierry Breton wrote on X. “The act is …”": the sentence before, in the same paragraph and
        // with no quote of its own, ends on its speech verb and introduces this quote
        const intro = this.introducedBy(si);
        if (intro) {
          speaker = intro.speaker;
          cueText = intro.cue;
        }
      }
      let headlinese = false;
      if (!speaker && !full && wordCount <= 3) {
        // headlinese drops the verb: "Kremlin 'studying' the documents", "Zelensky 'ready' to meet Putin"
        const found = this.headlineSpeaker(span, inner);
        if (found) {
          speaker = found;
          headlinese = true;
        }
      }
      const attributedBy: 'cue' | 'none' = speaker && !headlinese ? 'cue' : 'none';
      if (!speaker) {
        // no attribution in the sentence: a quote continues the previous speaker's, a short term is a label
        const para = this.paragraphOf(span.open);
        const continues = previous && para - previous.paragraph <= 1 && (full || wordCount > 5);
        if (continues && previous) {
          const samePara = para === previous.paragraph;
          speaker = { ...previous.speaker, mention: samePara ? previous.speaker.mention : null };
          cueText = samePara ? previous.cue : null;
        } else if (full || wordCount > 5) {
          speaker = { name: null, mention: null };
        } else {
          this.nonQuotes.push({ text: inner, start: span.start, end: span.end, reason: 'no speech verb: a term or label' });
          continue;
        }
      }
      const quote: AttributedQuote = {
        text: inner,
        start: span.start,
        end: span.end,
        speaker: speaker.name,
        speakerMention: speaker.mention,
        cue: cueText,
        partial: !full,
        entity: speaker.entity,
        sentence,
      };
      // `“A.” “B,” Varga said.`: a quote with no attribution of its own, directly followed in its
      // paragraph by one that has an attribution, takes that later attribution
      const pending = this.quotes[this.quotes.length - 1];
      if (pending && this.unattributed.has(pending) && this.paragraphOf(pending.start) === this.paragraphOf(span.start) && /^[\s]*$/.test(text.slice(this.spans[qi - 1]?.close ?? span.open, span.open)) && speaker.mention) {
        pending.speaker = speaker.name;
        pending.speakerMention = speaker.mention;
        pending.cue = cueText;
        pending.entity = speaker.entity;
      }
      if (attributedBy === 'none') this.unattributed.add(quote);
      this.quotes.push(quote);
      this.speakerEvents.push({ at: span.open, speaker, sentence: si });
      previous = { quote, paragraph: this.paragraphOf(span.open), full, speaker, cue: cueText };
    }
    return { quotes: this.quotes, nonQuotes: this.nonQuotes };
  }

  /** The speaker and cue of the sentence before `si` when it introduces a quote: it ends on its speech verb and a short phrase ("wrote on X.", "told reporters:"). */
  private introducedBy(si: number): { speaker: Speaker; cue: string } | undefined {
    if (si <= 0) return undefined;
    const prev = this.sentences[si - 1];
    if (prev.paragraph !== this.sentences[si].paragraph) return undefined;
    if (this.spans.some((sp) => sp.open >= prev.start && sp.open < prev.end)) return undefined;
    const cue = this.lastCue(prev.start, prev.end);
    if (!cue || LABEL_VERB_FORMS.has(cue.word)) return undefined;
    const rest = this.text.slice(cue.end, prev.end).trim();
    if (!/[.:]$/.test(rest) || rest.split(/\s+/).length > 6 || /[,;]|\b(?:that|whether|if|how|why|what|about)\b/i.test(rest)) return undefined;
    const speaker = this.subjectOf(prev.start, cue.start, cue.start);
    if (!speaker?.name) return undefined;
    return { speaker, cue: this.text.slice(cue.start, prev.end).replace(/[\s.:]+$/, '').replace(/\s+/g, ' ') };
  }

  /**
   * The speaker of a quoted word in a headline or subhead line with its verb dropped: the line has no
   * final stop, opens with a person or a state (Kremlin, Moscow) right before the quote, and the
   * quoted word reads as a predicate (a participle or an adjective: "studying", "ready",
   * "confident"), not a noun ("Trump 'peace plan' faces …" stays a label).
   */
  private headlineSpeaker(span: QuotedSpan, inner: string): Speaker | undefined {
    const lineStart = this.text.lastIndexOf('\n', span.open) + 1;
    const lineEndAt = this.text.indexOf('\n', span.close);
    const line = this.text.slice(lineStart, lineEndAt < 0 ? this.text.length : lineEndAt).trim();
    if (/[.!?…]["”’']?$/.test(line) || line.split(/\s+/).length > 14) return undefined;
    const lead = this.text.slice(lineStart, span.open).trim();
    if (!lead || lead.split(/\s+/).length > 3 || /['’]s$|[,:;]$/.test(lead) || !/^\p{Lu}/u.test(lead)) return undefined;
    const last = inner.trim().split(/\s+/).pop()!.toLowerCase().replace(/[^\p{L}-]/gu, '');
    const tags = lexiconTags(last);
    const predicate = tags.includes('Gerund') || tags.includes('Adjective') || tags.includes('PastTense') || (tags.length === 0 && /(?:ing|ed|ble|ful|ous|ive|ic|ent|ant|less|ary|ant)$/.test(last));
    if (!predicate) return undefined;
    const person = this.personIn(lineStart, span.open);
    if (person && this.text.slice(lineStart, span.open).trim().endsWith(person.mention ?? '')) return person;
    const state = METONYMS.get(lead.toLowerCase()) ?? STATE_NAMES.get(lead.toLowerCase()) ?? (lexiconTags(lead.toLowerCase()).includes('Country') ? lead : undefined);
    return state ? { name: state, mention: lead, group: true } : undefined;
  }

  /**
   * A quote that is its paragraph's whole text, short and without a sentence's final punctuation (or
   * in capitals): a subhead, a pull quote's label or a caption, not a sentence someone said.
   */
  private isSubhead(span: QuotedSpan, inner: string, wordCount: number): boolean {
    const lineStart = this.text.lastIndexOf('\n', span.open) + 1;
    const lineEndAt = this.text.indexOf('\n', span.close);
    const lineEnd = lineEndAt < 0 ? this.text.length : lineEndAt;
    if (this.text.slice(lineStart, span.open).trim() || this.text.slice(span.close, lineEnd).trim()) return false;
    const caps = !/\p{Ll}/u.test(inner) && /\p{Lu}/u.test(inner);
    return caps || (wordCount <= 8 && !/[.!?…,;:]['’"”]?\s*$/.test(inner));
  }

  private paragraphOf(offset: number): number {
    const si = segmentAt(this.sentences, offset);
    return si < 0 ? 0 : this.sentences[si].paragraph;
  }

  private insideQuote(offset: number): boolean {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.spans[mid];
      if (offset < s.open) hi = mid - 1;
      else if (offset >= s.close) lo = mid + 1;
      else return true;
    }
    return false;
  }

  private isCueWord(word: string, offset: number): boolean {
    const lower = word.toLowerCase();
    // "as one diplomat put it"
    if (lower === 'put') return /^put\s+it\b/.test(this.text.slice(offset, offset + 8));
    if (!SPEECH_VERB_FORMS.has(lower) && !LABEL_VERB_FORMS.has(lower) && lower !== 'according' && lower !== 'words') return false;
    if (word === lower) return true;
    // capitalised: a sentence-initial participle ("Speaking to reporters, …") or a title-case headline verb ("Says")
    return /(?:s|ed|said|told|wrote|ing)$/.test(lower) && !/^(?:Post|Report|News)/.test(word) && !this.isNamePart(offset);
  }

  private isNamePart(offset: number): boolean {
    const i = firstMentionFrom(this.people.mentions, offset + 1) - 1;
    const m = this.people.mentions[i];
    return !!m && m.start <= offset && offset < m.end;
  }

  /** Close offset of the last quotation that closes at or before `offset` and after `floor`. */
  private lastCloseBefore(offset: number, floor: number): number {
    let lo = 0;
    let hi = this.spans.length - 1;
    let best = floor;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].close <= offset) {
        best = Math.max(best, this.spans[mid].close);
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** The last speech cue between `from` and `to`, outside quotations. */
  private lastCue(from: number, to: number): Cue | undefined {
    const chunk = this.text.slice(from, to);
    let found: Cue | undefined;
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(chunk))) {
      const at = from + m.index;
      if (this.insideQuote(at)) continue;
      if (!this.isCueWord(m[0], at)) continue;
      if (m[0].toLowerCase() === 'according' && !/^according\s+to\b/i.test(chunk.slice(m.index))) continue;
      if (m[0].toLowerCase() === 'words' && !/\b(?:in|In)\s+(?:his|her|their)\s+$/.test(chunk.slice(0, m.index)) && !(/\b(?:in|In)\s+the\s+$/.test(chunk.slice(0, m.index)) && /^words\s+of\s/i.test(chunk.slice(m.index)))) continue;
      // a determiner before the word makes it a noun: "in a post on X"
      if (AMBIGUOUS_CUES.test(m[0].toLowerCase()) && /\b(?:a|an|the|his|her|their|its|this|that)\s+$/i.test(chunk.slice(Math.max(0, m.index - 8), m.index))) continue;
      if (AMBIGUOUS_CUES.test(m[0].toLowerCase()) && !this.hasComplement(at + m[0].length, to)) continue;
      // "the zone proposed by Corvia": a passive participle describes a thing, it does not report speech
      if (/ed$/.test(m[0]) && /^\s+by\b/.test(chunk.slice(m.index + m[0].length))) continue;
      found = { start: at, end: at + m[0].length, word: m[0].toLowerCase() };
    }
    return found;
  }

  /** A plain speech verb before the quote in its sentence ("insisted", "said"), not one that also means other things ("criticised Moscow's …"). */
  private governsQuote(from: number, to: number): boolean {
    const cue = this.lastCue(from, to);
    return !!cue && !AMBIGUOUS_CUES.test(cue.word) && !LABEL_VERB_FORMS.has(cue.word);
  }

  /** A complement clause or quotation right after a verb: "that …", ":", a quote, "it was …". */
  private hasComplement(after: number, quoteOpen: number): boolean {
    const tail = this.text.slice(after, Math.min(quoteOpen + 1, after + 80));
    if (/^\s*(?:[:,]\s*)?[“"‘«]/.test(tail) || /^[^.;]{0,60}[:]\s*[“"‘«]$/.test(tail)) return true;
    if (/^\s+(?:\S+\s+){0,3}?that\b/.test(tail)) return true;
    if (/^\s+(?:on|in)\s+(?:\S+\s+){0,4}?(?:that|[:“"])/.test(tail)) return true;
    // a verb whose complement runs into the quote within a few words: "added the talks were “…”"
    return /^\s+(?:\S+\s+){0,6}[“"‘«]$/.test(tail) && !/[,;]/.test(tail);
  }

  private cuePhrase(cueStart: number, quoteOpen: number): string {
    const phrase = this.text.slice(cueStart, quoteOpen).replace(/[\s,:;—–-]+$/, '');
    const words = phrase.split(/\s+/);
    return words.length <= 8 ? phrase.replace(/\s+/g, ' ') : words[0];
  }

  /** `“…,” Putin said`, `“…,” said Yermak`, `“…,” a U.S. official told AFP` */
  private postposed(span: QuotedSpan, after: string, inner: string): { speaker: Speaker; cue: string } | undefined {
    // headline style: "‘We will not betray Ukraine’: Zelensky", "“…” – Peskov"
    const tag = /^\s*[:—–-]\s*(?=\S)/.exec(after);
    if (tag && after.trim().split(/\s+/).length <= 5 && !/[.!?]\s*\S/.test(after.trim())) {
      const from = span.close + tag[0].length;
      const person = this.personIn(from, from + after.length - tag[0].length);
      if (person) return { speaker: person, cue: tag[0].trim() };
      // a bare name the rest of the text never introduces
      const bare = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*[.]?\s*$/u.exec(after.slice(tag[0].length));
      if (bare && !lexiconTags(bare[1].toLowerCase()).some((t) => t === 'Country' || t === 'City' || t === 'Place')) return { speaker: { name: bare[1], mention: bare[1] }, cue: tag[0].trim() };
    }
    if (tag) {
      // a clause after the colon or dash whose subject speaks: "“…”: UAW President Shawn Fain explains …",
      // "“…” — the ministry said in a statement"
      const clause = this.speakingClause(span.close + tag[0].length);
      if (clause) return clause;
    }
    const m = /^[\s,.!?—–-]*/.exec(after)!;
    if (!/[,!?—–-]/.test(m[0]) && !/[,!?…]\s*$/.test(inner) && !/^\s+\p{Ll}/u.test(after)) return undefined;
    const base = span.close + m[0].length;
    const rest = after.slice(m[0].length);
    // "“…,” and Marco Rubio … spoke of": a conjunction opens the next clause, whose verb is not this quote's
    if (/^(?:and|but|while|whereas|although|though)\b/i.test(rest)) return undefined;
    WORD.lastIndex = 0;
    let w: RegExpExecArray | null;
    let count = 0;
    while ((w = WORD.exec(rest)) && count < 14) {
      const at = base + w.index;
      if (this.isCueWord(w[0], at) && !LABEL_VERB_FORMS.has(w[0].toLowerCase())) {
        const verb = w[0];
        const cueEnd = at + verb.length;
        const tail = /^[^,.;:!?“”"]*/.exec(this.text.slice(cueEnd, cueEnd + 60))![0];
        if (count === 0 || verb.toLowerCase() === 'according') {
          // verb first: "said Yermak", "said the Kremlin spokesman, Dmitry Peskov", "according to X"
          const npStart = verb.toLowerCase() === 'according' ? cueEnd + (/^\s*to\s+/i.exec(this.text.slice(cueEnd))?.[0].length ?? 0) : cueEnd;
          const np = this.nounPhraseAfter(npStart) ?? plainNounPhrase(/^\s*([^,.;:!?“”"\n]*)/.exec(this.text.slice(npStart, npStart + 60))![1]);
          if (!np) return undefined;
          return { speaker: np, cue: verb.toLowerCase() === 'according' ? 'according to' : verb };
        }
        // "Komsomolskaya Pravda quoted Lavrov as saying": the outlet is the source, the object speaks
        const reported = this.quotedAs(cueEnd, base + rest.length + 80);
        if (reported) return { speaker: reported, cue: `${verb} … as saying` };
        const subject = this.subjectOf(base, at, at) ?? plainNounPhrase(this.text.slice(base, at));
        if (!subject) return undefined;
        const cueWords = tail.trim().split(/\s+/).filter(Boolean).slice(0, 3);
        return { speaker: subject, cue: [verb, ...cueWords].join(' ').trim() };
      }
      // stop at words that start a new clause
      // (a subordinate clause after the quote has its own subject: "“…,” hours after Trump told reporters")
      if (/^(?:that|which|who|but|because|while|although)$/i.test(w[0]) || (w[0] !== 'as' && SUBORDINATORS.has(w[0].toLowerCase()))) return undefined;
      // "“…,” even as allies warn …", "just as", "even though": a subordinate clause with its own subject
      if (/^(?:even|just)$/i.test(w[0]) && /^\s+(?:as|though|if|when|while|after|before)\b/i.test(rest.slice(w.index + w[0].length))) return undefined;
      count++;
    }
    return undefined;
  }

  /**
   * A clause opening at `from` with a subject and a speech verb: a person (with only capitalised
   * title words before the name) or a short noun phrase ("the ministry"), then the verb.
   */
  private speakingClause(from: number): { speaker: Speaker; cue: string } | undefined {
    const window = this.text.slice(from, from + 120);
    const verbAfter = (at: number): string | undefined => {
      const v = /^\s+(?:(?:also|then|later|again|\p{Ll}+ly)\s+)?(\p{Ll}+)\b/u.exec(this.text.slice(at, at + 40));
      return v && SPEECH_VERB_FORMS.has(v[1]) && !LABEL_VERB_FORMS.has(v[1]) ? v[1] : undefined;
    };
    const mi = firstMentionFrom(this.people.mentions, from);
    const m = this.people.mentions[mi];
    if (m && m.start < from + 100 && !m.possessive && /^\s*(?:(?:the\s+)?[\p{Lu}][\p{L}\p{N}.'’-]*\s+)*$/u.test(this.text.slice(from, m.start))) {
      const verb = verbAfter(m.end);
      if (verb) {
        const entity = this.people.entities[m.entity];
        return { speaker: { name: entity.canonical, mention: m.text, entity }, cue: verb };
      }
    }
    const np = /^\s*((?:the|a|an)\s+(?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+)(?=\s+\p{Ll}+\b)/u.exec(window);
    if (np && !/[,;]/.test(np[1])) {
      const start = from + np[0].length - np[1].length;
      const verb = verbAfter(start + np[1].length);
      if (verb) {
        const speaker = this.resolveNounPhrase(start, start + np[1].length);
        if (speaker) return { speaker, cue: verb };
      }
    }
    return undefined;
  }

  /** The speaker named right after a verb or "according to": the first comma chunk, or the person in apposition to it. */
  private nounPhraseAfter(from: number): Speaker | undefined {
    const window = this.text.slice(from, from + 160);
    // "according to him": an object pronoun stands for the person last spoken of
    const pronoun = /^\s*(him|her|them)\b/i.exec(window);
    if (pronoun) {
      const subjectForm = { him: 'he', her: 'she', them: 'they' }[pronoun[1].toLowerCase() as 'him' | 'her' | 'them'];
      return this.resolvePronoun(subjectForm, pronoun[1], from, from);
    }
    const stop = /[.;:!?“”"\n]|\s(?:in|on|at|during|after|before|when|while|as|adding|saying|who|which|told|to)\s/.exec(window);
    const chunkEnd = from + (stop ? stop.index : window.length);
    const chunks = this.chunks(from, chunkEnd);
    const first = chunks.find((c) => this.text.slice(c.start, c.end).trim());
    if (!first) return undefined;
    const person = this.personIn(first.start, first.end);
    if (person) return person;
    const second = chunks[chunks.indexOf(first) + 1];
    if (second) {
      const apposed = this.personIn(second.start, second.end);
      if (apposed) return apposed;
    }
    return this.resolveNounPhrase(first.start, first.end);
  }

  /** The speaker of a cue found before the quote. */
  private speakerForCue(cue: Cue, sentence: Segment, si: number, quoteOpen: number, previousInSentence?: Speaker): Speaker | undefined {
    const text = this.text;
    if (cue.word === 'words' && /^\s+of\s/.test(text.slice(cue.end, cue.end + 5))) {
      // "in the words of one Ukrainian official, “…”"
      return this.nounPhraseAfter(cue.end + (/^\s+of\s+/.exec(text.slice(cue.end))?.[0].length ?? 0));
    }
    if (cue.word === 'words') {
      // "In his words, “…”": the possessive names the speaker
      const owner = /(his|her|their)\s+$/i.exec(text.slice(Math.max(0, cue.start - 8), cue.start));
      if (owner) {
        const subject = { his: 'he', her: 'she', their: 'they' }[owner[1].toLowerCase() as 'his' | 'her' | 'their'];
        return this.resolvePronoun(subject, `${owner[1]} words`, cue.start, cue.start);
      }
    }
    const reported = this.quotedAsBefore(cue.start, sentence.start);
    if (reported) return reported;
    if (cue.word === 'according') {
      const toEnd = cue.end + (/^\s*to\s+/i.exec(text.slice(cue.end))?.[0].length ?? 0);
      return this.nounPhraseAfter(toEnd);
    }
    // the clause before the verb starts after the last quotation or semicolon in the sentence
    let clauseStart = this.lastCloseBefore(cue.start, sentence.start);
    const semi = text.slice(clauseStart, cue.start).lastIndexOf(';');
    if (semi >= 0) clauseStart += semi + 1;
    const participle = /ing$/.test(cue.word);
    const clause = text.slice(clauseStart, cue.start);
    const withSubject = /,\s*with\s+([^,]+?)\s*$/i.exec(clause);
    if (participle && withSubject) {
      const s = clauseStart + clause.length - withSubject[0].length + withSubject[0].indexOf(withSubject[1]);
      return this.resolveNounPhrase(s, s + withSubject[1].length);
    }
    const fronted = participle && /^\s*$/.test(text.slice(sentence.start, cue.start).replace(/^\s*\p{Lu}\w*\s*$/u, ''));
    if (participle && (/,\s*$/.test(clause) || clause.trim() === '' || fronted)) {
      // "…, saying …": the participle shares the subject of the sentence
      if (previousInSentence?.name) return previousInSentence;
      if (fronted) {
        // "Speaking to reporters, Putin said …" is handled by the main verb; here the participle opens the sentence
        return this.sentenceSubject(si, cue.end, sentence.end);
      }
      return this.sentenceSubject(si, sentence.start, cue.start);
    }
    // "X said on Wednesday that …, but cautioned that “…”": a speech verb joined by but/and/yet to an
    // earlier one in the clause shares that one's subject
    const joined = /(?:^|[\s,])(?:but|and|yet)\s+(?:(?:also|then|later|\p{Ll}+ly)\s+)?$/u.exec(clause);
    const earlier = joined ? this.firstSpeechVerb(clauseStart, clauseStart + joined.index) : undefined;
    if (earlier !== undefined) {
      const shared = this.subjectOf(clauseStart, earlier, earlier);
      if (shared) return shared;
    }
    const subject = this.subjectOf(clauseStart, cue.start, cue.start);
    if (subject) return subject;
    if (previousInSentence?.name) return previousInSentence;
    return this.sentenceSubject(si, sentence.start, cue.start);
  }

  /** Where the first speech verb in [from, to) starts (not a labelling verb such as "called"), if any. */
  private firstSpeechVerb(from: number, to: number): number | undefined {
    const re = /\p{Ll}+/gu;
    const span = this.text.slice(from, to);
    for (let m = re.exec(span); m; m = re.exec(span)) if (SPEECH_VERB_FORMS.has(m[0]) && !LABEL_VERB_FORMS.has(m[0]) && !AMBIGUOUS_CUES.test(m[0])) return from + m.index;
    return undefined;
  }

  /** After "quoted"/"cited": the object of "quoted Y as saying", who is the speaker. */
  private quotedAs(verbEnd: number, limit: number): Speaker | undefined {
    const verb = /(\p{L}+)$/u.exec(this.text.slice(Math.max(0, verbEnd - 12), verbEnd))?.[1]?.toLowerCase();
    if (!verb || !QUOTING_VERBS.test(verb)) return undefined;
    const m = /^\s+([^,.;:!?“”"]{2,80}?)\s+as\s+(?:saying|telling|writing|stating|warning|adding|arguing|claiming)\b/u.exec(this.text.slice(verbEnd, Math.min(limit, verbEnd + 140)));
    if (!m) return undefined;
    const from = verbEnd + m[0].indexOf(m[1]);
    const object = this.personIn(from, from + m[1].length, true) ?? this.resolveNounPhrase(from, from + m[1].length);
    if (object) return object;
    // "quoted one freight broker as saying": whoever is quoted is a speaker, named or not
    const indefinite = /^(?:a|an|one)\s+([\p{L}\s'’-]{2,60})$/iu.exec(m[1].trim());
    return indefinite ? { name: `unnamed ${indefinite[1]}`, mention: m[1].trim(), group: true } : undefined;
  }

  /** A cue ("saying") right after "quoted Y as": Y is the speaker. */
  private quotedAsBefore(cueStart: number, floor: number): Speaker | undefined {
    const before = this.text.slice(Math.max(floor, cueStart - 120), cueStart);
    const m = /(?:^|\s)(quoted|quotes|quoting|cited|cites|citing)\s+[^,.;:!?“”"]{2,80}?\s+as\s+$/u.exec(before);
    if (!m) return undefined;
    const verbEnd = cueStart - before.length + m.index + m[0].indexOf(m[1]) + m[1].length;
    return this.quotedAs(verbEnd, cueStart + 40);
  }

  /** Comma chunks of a text range (also split at dashes and parentheses). */
  private chunks(from: number, to: number): Array<{ start: number; end: number }> {
    const out: Array<{ start: number; end: number }> = [];
    const re = /[,()—–]|\s-\s/g;
    const chunk = this.text.slice(from, to);
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk))) {
      out.push({ start: from + last, end: from + m.index });
      last = m.index + m[0].length;
    }
    out.push({ start: from + last, end: to });
    return out;
  }

  /**
   * The subject of a clause ending at a speech verb: drop fronted adverbials and participle phrases,
   * appositions and relative clauses; then the person, pronoun or noun phrase nearest the verb.
   */
  private subjectOf(from: number, to: number, at: number): Speaker | undefined {
    // a person named right before the verb is its subject, also after a subordinator ("hours after
    // Trump told reporters …")
    const mentions = this.people.mentions;
    const mi = firstMentionFrom(mentions, to) - 1;
    const near = mentions[mi];
    if (near && near.start >= from && !near.possessive && /^\s*(?:(?:also|then|later|earlier|again|had|has|have|\w+ly)\s+)*$/.test(this.text.slice(near.end, to))) {
      const prev = /(\S+)\s+$/.exec(this.text.slice(Math.max(from, near.start - 20), near.start))?.[1]?.toLowerCase();
      if (!prev || !PREPOSITIONS.has(prev) || SUBORDINATORS.has(prev)) {
        const entity = this.people.entities[near.entity];
        return this.coordinated(mi, from) ?? { name: entity.canonical, mention: near.text, entity };
      }
    }
    // in a relative or complement clause the verb's subject follows the relative word: "a document
    // that one European diplomat called …"
    const clause = this.text.slice(from, to);
    const rel = /^(.*\s)(?:that|which|whom|what)\s+(?=\S)/s.exec(clause);
    if (rel && !/[,;]/.test(clause.slice(rel[0].length))) {
      const s = from + rel[0].length;
      const inner = this.personIn(s, to) ?? this.pronounIn(s, to, at) ?? this.resolveNounPhrase(s, to);
      if (inner?.name) return inner;
    }
    const all = this.chunks(from, to);
    const kept: Array<{ start: number; end: number }> = [];
    for (let i = 0; i < all.length; i++) {
      const c = all[i];
      const t = this.text.slice(c.start, c.end).trim();
      const isLast = i === all.length - 1;
      if (!t) continue;
      if (!isLast && kept.length === 0 && LEADING_DROPPABLE.test(t) && !this.personIn(c.start, c.end, true)) continue;
      // a dateline opening the clause ("LONDON —", "PARIS (Wire) -"): a place in capitals, never the subject
      if (!isLast && kept.length === 0 && DATELINE_PLACE.test(t) && /^\s*(?:[—–(]|-\s)/.test(this.text.slice(c.end, c.end + 3))) continue;
      if (!isLast && kept.length > 0 && APPOSITION_START.test(t)) continue;
      kept.push(c);
    }
    for (let i = kept.length - 1; i >= 0; i--) {
      const c = kept[i];
      const t = this.text.slice(c.start, c.end).trim();
      if (!t) continue;
      // "an adviser to Varga", "a spokesman for the Ostrian government": the speaker is the unnamed
      // person the phrase's head names, not the one named in its complement
      const owner = PERSON_BEFORE_COMPLEMENT.exec(t);
      if (owner && isPersonNoun(owner[2])) {
        const np = t.replace(TRAILING_ADVERBS, '').trim();
        if (!/^the\s/i.test(np)) return { name: `unnamed ${np.replace(/^(?:an?|one)\s+/i, '')}`, mention: np, group: true };
        const resolved = this.resolveNounPhrase(c.start, c.end);
        if (resolved) return resolved;
      }
      const person = this.personIn(c.start, c.end);
      if (person) return person;
      const pronoun = this.pronounIn(c.start, c.end, at);
      if (pronoun) return pronoun;
      const np = this.resolveNounPhrase(c.start, c.end);
      if (np) return np;
    }
    return undefined;
  }

  /**
   * "Varadkar and Johnson said", "Macron, Merz and Starmer said": people joined by commas and a
   * final "and" before the verb speak together; the speaker is all of them, in the text's order.
   */
  private coordinated(last: number, from: number): Speaker | undefined {
    const mentions = this.people.mentions;
    const joined = [mentions[last]];
    let sawAnd = false;
    for (let i = last - 1; i >= 0; i--) {
      const m = mentions[i];
      if (m.start < from || m.possessive) break;
      const gap = this.text.slice(m.end, joined[0].start);
      const and = /^\s+and\s+$/.test(gap);
      if (!and && !(/^\s*,\s*$/.test(gap) && sawAnd)) break;
      sawAnd ||= and;
      joined.unshift(m);
    }
    if (joined.length < 2) return undefined;
    const names = [...new Set(joined.map((m) => this.people.entities[m.entity].canonical))];
    if (names.length < 2) return undefined;
    const list = names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    return { name: list, mention: this.text.slice(joined[0].start, joined[joined.length - 1].end), group: true };
  }

  /** The first person named in a range who is not a possessive ("Trump's envoy") or a prepositional object. */
  private personIn(from: number, to: number, any = false): Speaker | undefined {
    const mentions = this.people.mentions;
    for (let i = firstMentionFrom(mentions, from); i < mentions.length && mentions[i].start < to; i++) {
      const m = mentions[i];
      if (m.end > to) continue;
      if (!any && (m.possessive || this.isPrepositionalObject(from, m))) continue;
      const entity = this.people.entities[m.entity];
      return { name: entity.canonical, mention: this.mentionText(m), entity };
    }
    return undefined;
  }

  private mentionText(m: PersonMention): string {
    return m.text;
  }

  private isPrepositionalObject(from: number, m: PersonMention): boolean {
    const before = this.text.slice(from, m.start).trim().split(/\s+/).filter(Boolean);
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i];
      const lower = w.toLowerCase().replace(/[’']s$/, '');
      // "Secretary of State Marco Rubio", "head of the delegation X": a preposition inside a title
      if (PREPOSITIONS.has(lower) && !(i > 0 && (ROLE_NOUNS.has(before[i - 1].toLowerCase()) || TITLE_WORDS.has(before[i - 1].toLowerCase())))) return true;
      if (PREPOSITIONS.has(lower) || /^\p{Lu}/u.test(w) || ROLE_NOUNS.has(lower) || lower === 'the' || lexiconTags(lower).includes('Demonym')) continue;
      return false;
    }
    return false;
  }

  private pronounIn(from: number, to: number, at: number): Speaker | undefined {
    const m = /(?:^|\s)(he|she|they|it|we|i)(?=\s|$)/i.exec(this.text.slice(from, to) + ' ');
    if (!m) return undefined;
    const word = m[1];
    const lower = word.toLowerCase();
    if (lower === 'we' || lower === 'i') return undefined;
    const offset = from + m.index + m[0].indexOf(word);
    return this.resolvePronoun(lower, word, offset, at);
  }

  /** he/she: the most salient earlier person of compatible gender; they/it: the last group or state that spoke. */
  private resolvePronoun(lower: string, surface: string, offset: number, at: number): Speaker {
    const kind = PERSONAL_PRONOUNS.get(lower) ?? POSSESSIVE_PRONOUNS.get(lower);
    if (kind === 'male' || kind === 'female') {
      const entity = this.antecedent(kind, offset);
      if (entity) {
        entity.gender ??= kind;
        return { name: entity.canonical, mention: surface, entity };
      }
      return { name: null, mention: surface };
    }
    // "the employers' group tabled what it described as …": "it" is the institution named earlier in its sentence
    const institution = lower === 'it' || lower === 'its' ? this.collectiveInSentence(offset) : undefined;
    if (institution) return { ...institution, mention: surface };
    const group = this.groupAntecedent(offset);
    if (group) return { ...group, mention: surface };
    // the last group that spoke, among the last few attributions
    for (let i = this.speakerEvents.length - 1; i >= Math.max(0, this.speakerEvents.length - 10); i--) {
      const e = this.speakerEvents[i];
      if (e.at < at && e.speaker.group) return { ...e.speaker, mention: surface };
    }
    return { name: null, mention: surface };
  }

  /** The last singular institution ("the union", "the employers' group") named before `offset` in its sentence, outside quotations. */
  private collectiveInSentence(offset: number): Speaker | undefined {
    const si = segmentAt(this.sentences, offset);
    if (si < 0) return undefined;
    const from = this.sentences[si].start;
    const before = this.text.slice(from, offset);
    let found: Speaker | undefined;
    for (const w of before.matchAll(/(?<![\p{L}'’-])[\p{L}-]+(?![\p{L}'’])/gu)) {
      const head = w[0].toLowerCase();
      if (!COLLECTIVE_NOUNS.has(head) || /s$/.test(head) || this.insideQuote(from + w.index)) continue;
      // the determiner opening its noun phrase, at most three words back: "the RMT union", "the employers' group"
      const det = /(?:^|[^\p{L}])([Tt]he\s+((?:[\p{L}'’-]+\s+){0,3}))$/u.exec(before.slice(0, w.index));
      if (!det) continue;
      const np = `${det[2]}${w[0]}`.trim();
      const state = METONYMS.get(np.toLowerCase()) ?? METONYMS.get(`the ${np.toLowerCase()}`);
      found = { name: state ?? np, mention: `${det[1]}${w[0]}`, group: true };
    }
    return found;
  }

  /**
   * Antecedent of "they"/"it": the plural or collective noun phrase that is the subject of the
   * current or one of the two previous sentences ("The foreign ministers of Norway and Finland …").
   */
  private groupAntecedent(offset: number): Speaker | undefined {
    const si = segmentAt(this.sentences, offset);
    for (let s = si; s >= Math.max(0, si - 2); s--) {
      const sent = this.sentences[s];
      const end = s === si ? offset : sent.end;
      for (const c of this.chunks(sent.start, end)) {
        const t = this.text.slice(c.start, c.end).trim();
        if (!t || this.insideQuote(c.start)) continue;
        if (LEADING_DROPPABLE.test(t) && !/^the\b/i.test(t)) continue;
        const words = t.split(/\s+/);
        let n = 0;
        while (n < words.length && !this.isVerbLike(words[n], n)) n++;
        const np = words.slice(0, n).join(' ');
        if (!np || n > 9) break;
        const head = words[Math.min(n - 1, this.headIndex(words.slice(0, n)))].toLowerCase();
        const lower = np.toLowerCase().replace(/^the\s+/, '');
        const state = METONYMS.get(lower) ?? STATE_NAMES.get(lower);
        if (state) return { name: state, mention: np, group: true };
        if (/s$/.test(head) && !this.personIn(c.start, c.start + np.length)) return { name: np.replace(/^the\s+/i, ''), mention: np, group: true };
        break;
      }
    }
    return undefined;
  }

  /**
   * "the presidency", "the diplomat": a definite description repeats the fuller noun phrase that
   * introduced it earlier ("The Brazilian presidency", "A senior European diplomat"); an indefinite
   * introduction names an unnamed speaker.
   */
  private definiteAnaphor(np: string, offset: number): Speaker | undefined {
    const m = /^the\s+([\p{Ll}-]+)$/iu.exec(np);
    if (!m) return undefined;
    const head = m[1];
    const from = Math.max(0, offset - 4000);
    const re = new RegExp(`(?:^|[^\\p{L}])(a|an|one|the)\\s+((?:[\\p{L}-]+\\s+){1,3})${head}(?![\\p{L}])`, 'giu');
    const window = this.text.slice(from, offset);
    let last: RegExpExecArray | undefined;
    for (let x; (x = re.exec(window)); ) if (!this.insideQuote(from + x.index + 1)) last = x;
    // or with a complement after the head: "An adviser to Varga said …; “…,” the adviser said"
    const intro = new RegExp(`(?:^|[^\\p{L}])(a|an|one|the)\\s+${head}\\s+((?:close\\s+)?(?:to|for|of|from)\\s+)`, 'giu');
    let owned: { at: number; determiner: string; complement: string; end: number } | undefined;
    for (let x; (x = intro.exec(window)); ) {
      if (this.insideQuote(from + x.index + 1)) continue;
      const object = complementAfter(window.slice(x.index + x[0].length));
      if (object) owned = { at: x.index, determiner: x[1], complement: `${x[2]}${object}`.replace(/\s+/g, ' ').trim(), end: from + x.index + x[0].length + object.length };
    }
    if (owned && (!last || owned.at > last.index) && isPersonNoun(head)) {
      // named in apposition ("A spokesman for the government, Karim Nouri, …"): that person
      if (/^\s*,\s*\p{Lu}/u.test(this.text.slice(owned.end, owned.end + 4))) {
        const named = this.personIn(owned.end, Math.min(offset, owned.end + 60), true);
        if (named) return named;
      }
      return { name: `${/^(?:a|an|one)$/i.test(owned.determiner) ? 'unnamed ' : ''}${head} ${owned.complement}`, mention: np, group: true };
    }
    if (!last) return undefined;
    const modifiers = last[2].trim();
    // a role noun ("a union source", "a Western diplomat") may be introduced by any modifier; other
    // heads need a distinguishing one ("The Brazilian presidency", not "the new plan")
    if (!ROLE_NOUNS.has(head.toLowerCase()) && !modifiers.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) || ['senior', 'top', 'chief', 'junior', 'former'].includes(w.toLowerCase()))) return undefined;
    if (/\b(?:of|for|with|by|to|in|on|and|or)\b/i.test(modifiers)) return undefined;
    const indefinite = /^(?:a|an|one)$/i.test(last[1]);
    return { name: `${indefinite ? 'unnamed ' : ''}${modifiers} ${head}`, mention: np, group: true };
  }

  /** Index of the head noun of a noun phrase: the word before its first preposition. */
  private headIndex(words: string[]): number {
    const p = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()));
    return p > 0 ? p - 1 : words.length - 1;
  }

  private isVerbLike(word: string, index: number): boolean {
    if (index === 0) return false;
    const lower = word.toLowerCase();
    if (/^[\p{Lu}]/u.test(word)) return false;
    if (SPEECH_VERB_FORMS.has(lower) || /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|did|do|does|met|who|which|that)$/.test(lower)) return true;
    const tags = lexiconTags(lower);
    return tags.some((t) => t === 'PastTense' || t === 'PresentTense' || t === 'Copula' || t === 'Modal' || t === 'Auxiliary');
  }

  /**
   * Antecedent of he/she at `offset`: the subject of the current sentence if it precedes the
   * pronoun, else the speaker or subject of the nearest earlier sentences (up to four back), else
   * the nearest earlier person mention, each with compatible gender (centering theory: the
   * preferred antecedent is the previous utterance's subject; Grosz, Joshi & Weinstein 1995).
   */
  private antecedent(gender: 'male' | 'female', offset: number): PersonEntity | undefined {
    // news text names far more men than women, so "she" goes to a person known to be a woman when
    // one was mentioned recently, before any person of unknown gender
    if (gender === 'female') {
      const known = this.antecedentWhere((e) => e.gender === 'female', offset);
      if (known) return known;
    }
    return this.antecedentWhere((e) => e.gender === undefined || e.gender === gender, offset);
  }

  private antecedentWhere(ok: (e: PersonEntity) => boolean, offset: number): PersonEntity | undefined {
    const si = segmentAt(this.sentences, offset);
    for (let s = si; s >= Math.max(0, si - 4); s--) {
      const sent = this.sentences[s];
      const end = s === si ? offset : sent.end;
      // a speaker already attributed in this sentence, before the pronoun
      for (let i = this.speakerEvents.length - 1; i >= 0; i--) {
        const e = this.speakerEvents[i];
        if (e.sentence < s) break;
        if (e.sentence === s && e.at < end && e.speaker.entity && ok(e.speaker.entity)) return e.speaker.entity;
      }
      const subj = this.sentenceSubjectEntity(s, end);
      if (subj && ok(subj)) return subj;
    }
    for (let i = firstMentionFrom(this.people.mentions, offset) - 1; i >= 0; i--) {
      const m = this.people.mentions[i];
      if (!this.insideQuote(m.start)) {
        const e = this.people.entities[m.entity];
        if (ok(e)) return e;
      }
    }
    return undefined;
  }

  /** The first person named as a subject in sentence `si` (before `end`), or the role that opens it. */
  private sentenceSubjectEntity(si: number, end: number): PersonEntity | undefined {
    const sent = this.sentences[si];
    const chunks = this.chunks(sent.start, Math.min(end, sent.end));
    let first = true;
    for (const c of chunks) {
      const t = this.text.slice(c.start, c.end).trim();
      if (!t || this.insideQuote(c.start)) continue;
      if (first && LEADING_DROPPABLE.test(t) && !this.personIn(c.start, c.end)) {
        first = false;
        continue;
      }
      first = false;
      const p = this.personIn(c.start, c.end);
      if (p?.entity) return p.entity;
      const role = /^(?:the|The)\s+([\p{L}\s'’-]{3,60}?)(?=\s+(?:[a-z]+ed|said|says|told|has|had|is|was|will|would)\b|$)/u.exec(t);
      if (role) {
        const e = resolveRole(this.people, role[0], c.start, () => stateNear(this.text, c.start, (o) => this.insideQuote(o)));
        if (e) return e;
      }
    }
    return undefined;
  }

  private sentenceSubject(si: number, from: number, to: number): Speaker | undefined {
    const entity = this.sentenceSubjectEntity(si, to);
    if (entity) return { name: entity.canonical, mention: entity.mentions.find((m) => m.start >= from && m.start < to)?.text ?? entity.canonical, entity };
    return this.subjectOf(from, to, to);
  }

  /** A non-person subject: a pronoun's possessive role ("his spokesman"), a role, a state, or a collective. */
  private resolveNounPhrase(from: number, to: number): Speaker | undefined {
    let np = this.text.slice(from, to).trim();
    np = np.replace(/^(?:and|but|while|as|so|then|yet|or|also)\s+/i, '').replace(TRAILING_ADVERBS, '').trim();
    if (!np || np.split(/\s+/).length > 8 || /[“”"]/.test(np)) return undefined;
    if (!/^(?:the|a|an|his|her|their|its|two|three|several|some|many|other|another|one|\p{Lu})/iu.test(np)) return undefined;
    const offset = from + Math.max(0, this.text.slice(from, to).indexOf(np));
    // "a statement from the Kremlin", "a readout by the White House": the document speaks for its author
    const document = /^(?:an?|the|in\s+an?)\s+(?:\w+\s+)?(?:statement|post|message|letter|readout|communiqu[ée]|decree|note)\s+(?:from|by|of|issued\s+by)\s+(.+)$/i.exec(np);
    if (document) {
      const at = offset + np.length - document[1].length;
      return this.personIn(at, at + document[1].length) ?? this.resolveNounPhrase(at, at + document[1].length) ?? { name: np, mention: np, group: true };
    }
    const lower = np.toLowerCase().replace(/^the\s+/, '');
    const state = METONYMS.get(lower) ?? STATE_NAMES.get(lower) ?? (lexiconTags(lower).includes('Country') ? np.replace(/^the\s+/i, '') : undefined);
    if (state) return { name: state, mention: np, group: true };
    // an outlet writing in its own name: "the FT wrote", "Reuters reported"
    const outlet = outletName(np);
    if (outlet) return { name: outlet, mention: np, group: true };
    if (/^(?:he|she|it|they|we|i|you|this|that|there|which|who)$/i.test(np)) return undefined;
    const possessive = /^(his|her|their|its)\s+(.+)$/i.exec(np);
    if (possessive) {
      const owner = this.resolvePronoun(possessive[1].toLowerCase(), possessive[1], offset, offset);
      return { name: owner.name ? `${possessive[2]} for ${owner.name}` : np, mention: np, group: !owner.name };
    }
    const owned = /^(.+?)['’]s\s+(.+)$/.exec(np);
    if (owned) {
      const ownerPerson = this.personIn(from, to, true);
      if (ownerPerson?.name && ROLE_NOUNS.has(owned[2].split(/\s+/).pop()!.toLowerCase()) && !/^(?:Ukraine|Russia|America|Europe)/.test(owned[1])) {
        const role = resolveRole(this.people, owned[2], offset);
        if (role && role !== ownerPerson.entity) return { name: role.canonical, mention: np, entity: role };
      }
    }
    const role = resolveRole(this.people, np, offset, () => stateNear(this.text, offset, (o) => this.insideQuote(o)));
    if (role) return { name: role.canonical, mention: np, entity: role };
    const words = np.split(/\s+/);
    // the head is the word before the first preposition: "a spokesperson for the Commission",
    // "a person familiar with the matter"
    let hi = this.headIndex(words);
    // "a person familiar with the matter", "a source close to the talks": the adjective is not the head
    while (hi > 0 && /^(?:familiar|close|briefed|involved|knowledgeable|aware|privy|informed|present)$/i.test(words[hi])) hi--;
    const head = words[hi].toLowerCase();
    const anaphor = this.definiteAnaphor(np, offset);
    if (anaphor) return anaphor;
    // a collective or document speaker ("the ministry", "the statement", "the plan") is its noun phrase
    if (!ROLE_NOUNS.has(head) && !PERSON_NOUNS.has(head) && !COLLECTIVE_NOUNS.has(head) && head !== 'person' && !/s$/.test(head) && !/^\p{Lu}/u.test(words[0])) return undefined;
    const indefinite = /^(?:a|an|one)\s+(.+)$/i.exec(np);
    const name = indefinite ? `unnamed ${indefinite[1]}` : np.replace(/^the\s+/i, '');
    return { name, mention: np, group: true };
  }
}
