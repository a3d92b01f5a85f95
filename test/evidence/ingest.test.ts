/**
 * The ingester on invented articles (test/evidence/articles) that cover each attribution pattern
 * and the usual traps. Expected values were written from the articles by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestArticle, splitHeader, type IngestResult } from '../../src/evidence/index.ts';

const article = (name: string) => readFileSync(new URL(`./articles/${name}`, import.meta.url), 'utf8');
function ingestFile(name: string, date?: string): IngestResult {
  const { header, body } = splitHeader(article(name));
  return ingestArticle({ text: body, date: date ?? header.date, outlet: header.outlet, title: header.title });
}
const quote = (r: IngestResult, startsWith: string) => {
  const q = r.quotes.find((x) => x.text.startsWith(startsWith));
  if (!q) throw new Error(`no quote starting "${startsWith}" in ${JSON.stringify(r.quotes.map((x) => x.text))}`);
  return q;
};

describe('border-talks.txt: straight quotes, every cue pattern', () => {
  const r = ingestFile('border-talks.txt');

  it('offsets point at the exact text between the marks', () => {
    for (const q of r.quotes) expect(r.body.slice(q.start, q.end)).toBe(q.text);
    expect(r.quotes).toHaveLength(12);
  });

  it('attributes each quote to the right speaker with mention and cue', () => {
    const expected: Array<[string, string, string | null, boolean]> = [
      // text start, speaker, mention, partial
      ['a decisive stage', 'Helena Varga', 'Helena Varga', true],
      ['We came here', 'Helena Varga', 'Varga', false], // "…," Varga told reporters
      ['Every kilometre', 'Helena Varga', 'Varga', false], // continues the same attribution
      ['a trap dressed up', 'Helena Varga', 'She', true], // she → the woman named before
      ['a realistic basis', 'Andrei Molnar', 'Molnar', true], // described … as "…"
      ['We are ready to sign', 'Andrei Molnar', 'he', false], // he → the nearest man
      ['The war will not end', 'Piotr Hale', 'Piotr Hale', false], // "…," said Piotr Hale
      ['It will end when', 'Piotr Hale', 'Piotr Hale', false],
      ['Lakeland is stalling', 'Irina Dobos', 'Irina Dobos', false], // wrote on Telegram: "…"
      ['Nobody who has read', 'Helena Varga', 'the minister', false], // role → "Lakeland's foreign minister, Helena Varga"
      ['We have put thirty pages', 'Helena Varga', 'the minister', false], // runs over two paragraphs
      ['businesslike', 'Mediators from Norway', 'Mediators from Norway', true], // a collective speaker
    ];
    for (const [start, speaker, mention, partial] of expected) {
      const q = quote(r, start);
      expect({ start, speaker: q.speaker, mention: q.speakerMention, partial: q.partial }).toEqual({ start, speaker, mention, partial });
    }
    expect(quote(r, 'We came here').cue).toMatch(/^told reporters/);
    expect(quote(r, 'Lakeland is stalling').cue).toBe('wrote on Telegram');
    expect(quote(r, 'The war will not end').cue).toBe('said');
  });

  it('keeps a multi-paragraph quote whole', () => {
    expect(quote(r, 'We have put thirty pages').text).toBe('We have put thirty pages on the table.\n\n"We will keep them there until Corvia reads them.');
  });

  it('leaves scare quotes and labels out', () => {
    expect(r.nonQuotes.map((q) => q.text)).toEqual(['buffer zone', 'peace formula']);
  });

  it('credits outlets named as sources, not the photo credit or the publisher', () => {
    expect(r.sources).toEqual(['Reuters', 'AP']);
  });

  it('resolves dates against the article date (Friday 14 March 2025)', () => {
    expect(r.dates).toEqual([
      { text: 'on Tuesday', resolved: '2025-03-11', granularity: 'day' },
      { text: 'tomorrow', resolved: '2025-03-15', granularity: 'day' },
      { text: 'next week', resolved: '2025-03-17/2025-03-23', granularity: 'day' },
      // a month stays a month, not padded to a day
      { text: 'last month', resolved: '2025-02', granularity: 'month' },
    ]);
    expect(r.article).toEqual({ date: '2025-03-14', outlet: 'The Lakeland Herald', title: 'Lakeland and Corvia agree to resume border talks' });
  });

  it('names the actors', () => {
    expect(r.actors).toEqual(expect.arrayContaining(['Helena Varga', 'Andrei Molnar', 'Piotr Hale', 'Irina Dobos', 'Norway']));
  });
});

describe('traps.txt: pronouns, roles, labels, apostrophes, unbalanced marks', () => {
  const r = ingestFile('traps.txt', '2025-03-10');

  it('resolves he and she by gender', () => {
    expect(quote(r, 'useful').speaker).toBe('Molnar');
    expect(quote(r, 'a waste of time').speaker).toBe('Varga');
  });

  it('excludes so-called terms, what-X-calls labels and titles', () => {
    expect(r.nonQuotes.map((q) => q.text)).toEqual(['special operation', 'historic mission', 'The Long Ceasefire']);
  });

  it('finds no quote in apostrophes or in an unbalanced opening mark', () => {
    expect(r.quotes.some((q) => /rock|90s|this will never/.test(q.text))).toBe(false);
    expect(r.quotes).toHaveLength(9);
  });

  it('attributes anonymous, institutional and apposed speakers', () => {
    expect(quote(r, 'It is over').speaker).toBe('unnamed Western diplomat');
    expect(quote(r, 'final').speaker).toBe('Pavel Rusu'); // "Molnar’s spokesman, Pavel Rusu, said"
    expect(quote(r, 'Corvia has shown').speaker).toBe('Pavel Rusu');
    expect(quote(r, 'welcomes any dialogue').speaker).toBe('Russia'); // the Kremlin speaks for Russia
    expect(quote(r, 'as soon as Lakeland').speaker).toBe('Corvian officials');
    expect(quote(r, 'Not this month').speaker).toBe('Molnar'); // Molnar replied: "…"
    expect(quote(r, 'Not this month').partial).toBe(false);
  });

  it('credits AFP, Le Monde and the BBC but not the Reuters dateline', () => {
    expect(r.sources).toEqual(['AFP', 'Le Monde', 'BBC']);
  });
});

describe('headline.html: HTML with metadata and boilerplate', () => {
  const r = ingestArticle({ html: article('headline.html') });

  it('takes date, title and outlet from the page metadata', () => {
    expect(r.article).toEqual({ date: '2025-03-12', outlet: 'Lakeland Herald', title: 'Varga warns of ‘decisive stage’ in talks' });
  });

  it('reads the article, not navigation, scripts, styles or adverts', () => {
    expect(r.body).toContain('Lakeland’s foreign minister, Helena Varga, warned on Wednesday');
    expect(r.body).not.toMatch(/Subscribe|Injected|Click here|color: red|All rights reserved/);
    expect(r.body.split('\n\n').length).toBeGreaterThanOrEqual(5);
  });

  it('attributes quotes around a mid-sentence attribution and to a plural subject', () => {
    expect(r.quotes.map((q) => [q.text, q.speaker, q.partial])).toEqual([
      ['decisive stage', 'Helena Varga', true],
      ['If we leave without a text, the fighting will go on for another year,', 'Helena Varga', false],
      ['Nobody here wants that.', 'Helena Varga', false],
      ['Both sides have moved,', 'foreign ministers of Norway and Finland', false],
      ['and the gap is narrower than it was a week ago.', 'foreign ministers of Norway and Finland', false],
      ['cautiously optimistic', 'Andrei Molnar', true],
    ]);
    expect(r.sources).toEqual(['Financial Times']);
  });

  it('lets --date override the page date', () => {
    expect(ingestArticle({ html: article('headline.html'), date: '2025-04-01' }).article.date).toBe('2025-04-01');
  });
});

describe('wire-style.txt: titles, roles, appositions, British single quotes, platform posts', () => {
  const r = ingestFile('wire-style.txt');
  it('attributes every quote', () => {
    expect(r.quotes.map((q) => [q.text.slice(0, 24), q.speaker])).toEqual([
      ['We will not surrender,', 'Zelenskyy'],
      ['We need guarantees.', 'Zelenskyy'],
      ["It's a good plan,", 'Marco Rubio'], // "U.S. Secretary of State Marco Rubio told reporters"
      ["there's still work to do", 'Marco Rubio'], // ", adding that …"
      ['not yet received', 'Dmitry Peskov'],
      ["We'll study it,", 'Dmitry Peskov'],
      ["The ball is in Ukraine's", 'Dmitry Peskov'], // "the Kremlin spokesman" → "Kremlin spokesman Dmitry Peskov"
      ["Ukraine's leadership has", 'Trump'], // In a post on X, Trump wrote: "…"
      ['Nothing is agreed until ', 'Ursula von der Leyen'],
      ['We are close,', 'Witkoff'],
      ['takes into account', 'Sergei Lavrov'], // "Sergei Lavrov, Russia's foreign minister, said"
      ['premature.', 'Sergei Lavrov'], // "The Russian foreign minister"
      ['We are ready,', 'Kaja Kallas'],
      ['Russia must stop.', 'Kaja Kallas'], // She added: "…"
      ["We've been very clear,", 'unnamed senior administration official'],
      ['It could be a basis.', 'Putin'],
      ['This is not a capitulati', 'Yermak'],
      ['unacceptable', "Ukraine's foreign ministry"],
      ['We will never accept thi', 'Zelenskyy'], // single marks in body text
      ['We stand with Ukraine.', 'Starmer'],
      ['We will work,', 'Zelenskyy'],
      ['but not at any price.', 'Zelenskyy'], // "…," Zelensky said, "…"
      ['disappointed.', 'United States'], // the White House
      ['flexible.', 'Karoline Leavitt'],
      ["I think we're getting th", 'Trump'],
      ["We'll see what happens.", 'Trump'],
      ['not accept a dictated pe', 'Merz'],
      ['robust guarantees', 'Macron'],
    ]);
    expect(r.sources).toEqual(['Fox News']);
  });
});

describe('briefing.txt: title-case headline, object pronouns, "in his words", women speakers', () => {
  const r = ingestFile('briefing.txt');
  it('attributes every quote', () => {
    expect(r.quotes.map((q) => [q.text.slice(0, 24), q.speaker, q.partial])).toEqual([
      ['Difficult Choice', 'Volodymyr Zelenskyy', true], // "Zelensky Says … ‘…’"
      ['We are ready to discuss,', 'Volodymyr Zelenskyy', false], // "the Ukrainian president"
      ['The meeting was useful,', 'Peskov', false],
      ['agreed to continue conta', 'Peskov', true], // "According to him, …"
      ['We have nothing to add.', 'Peskov', false],
      ['the process is ongoing.', 'Peskov', true],
      ['no decisions have been t', 'Kremlin spokesman', true], // no holder named in this text
      ['Europe is not at the tab', 'Peskov', false], // "In his words, …"
      ['grateful for the efforts', 'Volodymyr Zelenskyy', true], // ", writing on X that …"
      ['constructive.', 'Dmitriev', true], // called the talks "…"
      ['requires additional work', 'European leaders', true],
      ["It's too early to say,", 'Yuri Ushakov', false],
      ['Peace is near,', 'Witkoff', false],
      ['Peace,', 'Witkoff', false],
      ['is near.', 'Witkoff', false],
      ['difficult but honest.', 'Olga Stefanishyna', true],
      ['will not be rushed.', 'Olga Stefanishyna', true], // "The ambassador" → "Ukraine's ambassador to the US"
      ['tremendous progress.', 'Rubio', true],
      ['We have to be realistic,', 'Olga Stefanishyna', false], // she → the woman, not the nearer man
    ]);
  });
});

describe('attribution-order.txt: attribution after a second quote, long subjects, documents', () => {
  const r = ingestFile('attribution-order.txt');
  it('attributes every quote', () => {
    expect(r.quotes.map((q) => [q.text, q.speaker, q.partial])).toEqual([
      ['We are ready.', 'Peskov', false], // takes the attribution of the quote that follows it
      ['The ball is in their court,', 'Peskov', false],
      ['Serious talks', 'Lavrov', true], // the reporter's sentence runs on from the quote
      ['We will not give up,', 'Andriy Yermak', false], // a twelve-word subject before "said"
      ['Russia is ready for a settlement,', 'Russia', false], // "according to a statement from the Kremlin"
      ['Nothing has changed,', 'Andriy Yermak', false], // said <role>, <name>
    ]);
  });
});

describe('scare quotes after a possessive', () => {
  it('are labels even in a sentence with a speech verb; fragments after called/described stay quotes', () => {
    const r = ingestArticle({
      text: 'Putin said Russia\'s "special military operation" would continue. Zelensky said he would not accept Trump\'s “peace plan” in its current form. Putin called the plan “a basis” for talks. Lavrov described its “spirit” as positive, and said the plan\'s “key points” were “acceptable.”',
    });
    expect(r.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['a basis', 'Putin'],
      ['spirit', 'Lavrov'],
      ['acceptable.', 'Lavrov'],
    ]);
    expect(r.nonQuotes.map((q) => q.text)).toEqual(['special military operation', 'peace plan', 'key points']);
  });
});

describe('headline-tags.txt: "‘…’: Name" and "“…” – Name" headline attributions', () => {
  it('attributes quotes tagged with a name after a colon or dash', () => {
    const r = ingestFile('headline-tags.txt');
    expect(r.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We will not betray Ukraine', 'Volodymyr Zelensky'],
      ['We are ready,', 'Putin'], // "was quoted as saying"
      ['Great progress!', 'Trump'], // "posted on Truth Social:"
      ['We disagree', 'Peskov'],
    ]);
  });
});
