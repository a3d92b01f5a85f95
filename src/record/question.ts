/**
 * A question is asked once and forecast on any number of dates: its first entry fixes its text, its
 * resolution rule, its case and its `by` date; later entries must agree (an answer to a changed
 * question would be scored against the wrong one). Once resolved, nothing more is recorded for it.
 */
import type { Entry } from './entry.ts';

export const defaultQuestionText = (caseTitle: string, by: string): string =>
  `Will the parties of "${caseTitle}" reach an agreement by ${by}, and on what terms?`;

export const defaultRule = (by: string): string =>
  `agreement = 1 if the parties sign (or formally adopt) an agreement covering the case's issues on or before ${by}, ` +
  `as reported by the cited source; else 0. outcome = each issue's value on its own scale on ${by} ` +
  `(the terms agreed, or where the issue stands without an agreement).`;

export interface QuestionAsk {
  id: string;
  caseId: string;
  by: string;
  text?: string;
  rule?: string;
}

/** The text and rule of a new entry for `ask`, given the question's earlier entries; throws a message on a mismatch. */
export function questionFor(ask: QuestionAsk, earlier: readonly Entry[], caseTitle: string, resolved: boolean): { id: string; text: string; rule: string } {
  if (resolved) throw new QuestionConflict(`question "${ask.id}" is resolved already: forecasts after the outcome is known are not recorded`);
  const first = earlier[0];
  if (!first) return { id: ask.id, text: ask.text ?? defaultQuestionText(caseTitle, ask.by), rule: ask.rule ?? defaultRule(ask.by) };
  const q = first.question;
  if (first.case.id !== ask.caseId) throw new QuestionConflict(`question "${ask.id}" is about case "${first.case.id}", not "${ask.caseId}"`);
  if (first.by !== ask.by) throw new QuestionConflict(`question "${ask.id}" asks about ${first.by}, not ${ask.by} (ask a new question for another date)`);
  if (ask.text !== undefined && ask.text !== q.text) throw new QuestionConflict(`question "${ask.id}" was asked as "${q.text}"; its text cannot change (leave out --text, or ask a new question)`);
  if (ask.rule !== undefined && ask.rule !== q.rule) throw new QuestionConflict(`question "${ask.id}" has the resolution rule "${q.rule}"; it cannot change (leave out --rule, or ask a new question)`);
  return { ...q };
}

export class QuestionConflict extends Error {
  override name = 'QuestionConflict';
}
