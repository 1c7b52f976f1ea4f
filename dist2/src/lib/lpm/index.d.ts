/** Longest-prefix-match tables: Lpm4 (DIR-24-8) and Lpm6 (16-8-8... multibit trie). */
export { Lpm4, LPM4_MAX_NEXT_HOP, LPM4_MAX_TBL8_GROUPS, ipv4ToString } from './lpm4.js';
export type { Lpm4Options, Lpm4Rule } from './lpm4.js';
export { Lpm6, LPM6_MAX_NEXT_HOP, LPM6_MAX_GROUPS, ipv6ToString } from './lpm6.js';
export type { Lpm6Options, Lpm6Rule } from './lpm6.js';
export { LpmError } from './lpm-error.js';
