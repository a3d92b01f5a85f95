/** The forecast record: sealed entries, resolutions and scores (docs/record.md). */
export * from './entry.ts';
export * from './resolution.ts';
export * from './score.ts';
export * from './question.ts';
