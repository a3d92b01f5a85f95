import { describe, expect, it } from 'vitest';
import { findSources } from '../../src/evidence/sources.ts';

describe('findSources', () => {
  it('credits outlets in crediting constructions', () => {
    const text = [
      'He told CNN that the talks were useful.',
      'Rubio said in an interview with NBC News that progress was made.',
      'Axios reported on Sunday that the plan had 28 points.',
      'The plan, as first reported by Politico, has 28 points.',
      'According to the Kyiv Independent, the talks ended.',
      'RIA Novosti quoted him as saying the plan was good.',
      'the state news agency TASS reported the visit.',
      'the Russian newspaper Kommersant wrote that the talks failed.',
      'Western analysts, per Al Jazeera, disagree.',
      'The Washington Post, citing officials, reported the move.',
    ].join('\n\n');
    expect(findSources(text)).toEqual(['CNN', 'NBC News', 'Axios', 'Politico', 'The Kyiv Independent', 'RIA Novosti', 'TASS', 'Kommersant', 'Al Jazeera', 'The Washington Post']);
  });

  it('ignores photo credits, datelines, the publisher, platforms and generic media', () => {
    const text = [
      'KYIV (Reuters) - Ukraine said on Monday it had received the plan.',
      'Photo: Getty Images / AFP',
      'VALENTIN FLAURAUD / AFP',
      'The White House said in a statement.',
      'He said on X that he was ready, and told state media the same.',
      'A Kremlin aide told Al Jazeera the offer stands.',
    ].join('\n\n');
    expect(findSources(text, { publisher: 'Al Jazeera English' })).toEqual([]);
    expect(findSources('MOSCOW, December 1. /TASS/. The head of the delegation spoke. AFP reported, citing a source.')).toEqual(['AFP']);
    expect(findSources('News.Az reports citing Interfax that the talks ended.')).toEqual(['Interfax']);
    // a person's name after an outlet noun is a person: "local broadcaster Ines Adler" (a broadcaster by trade)
    expect(findSources('The host, local broadcaster Ines Adler, closed the evening.')).toEqual([]);
    expect(findSources('Petrak told the broadcaster VTV that the army would stay.')).toEqual(['VTV']);
  });
  it('reads newsroom initials as their outlet: "the FT wrote", "the WSJ reported"', () => {
    expect(findSources('"The deal is close," the FT wrote, citing three officials. The WSJ reported the same.')).toEqual(['Financial Times', 'The Wall Street Journal']);
  });
  it('lists one outlet once: "ABC" and "ABC News", "Sky" and "Sky News" (but "The Times" is not "The Times of India")', () => {
    expect(findSources('The talks were first reported by ABC. ABC News said the envoy had left.')).toEqual(['ABC News']);
    expect(findSources('Sky said the talks had ended. Sky News reported the envoy had left.')).toEqual(['Sky News']);
    expect(findSources('The Times of India reported the visit; The Times said so too.')).toEqual(['Times of India', 'The Times']);
  });
  it('never credits the publisher, under any of its names', () => {
    expect(findSources('"We will see," the minister told AP.', { publisher: 'The Associated Press' })).toEqual([]);
    expect(findSources('The envoy told ABC on Sunday that talks would go on.', { publisher: 'ABC News (Australian Broadcasting Corporation)' })).toEqual([]);
    expect(findSources('"It is over," the Financial Times quoted one diplomat as saying.', { publisher: 'FT' })).toEqual([]);
    // another outlet in the same article still counts
    expect(findSources('The envoy told ABC and Reuters reported the visit.', { publisher: 'ABC News' })).toEqual(['Reuters']);
  });
  it('an adverb between the outlet and its verb: "ABC News later said", "Sky News also reported"', () => {
    expect(findSources('ABC News later said the ballot papers were printed. Sky News also reported the vote.')).toEqual(['ABC News', 'Sky News']);
  });
});
