/** Exact-match hash tables over typed arrays and the word hash they use. */
export { ExactMatchTable, EXACT_MATCH_MAX_CAPACITY, EXACT_MATCH_MAX_KEY_WORDS } from './exact-match-table.js';
export type { ExactMatchOptions, ExactMatchEntry } from './exact-match-table.js';
export { hashWords } from './hash-words.js';
