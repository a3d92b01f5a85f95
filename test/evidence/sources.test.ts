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
  });
});
