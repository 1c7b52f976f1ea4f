import { PcapngWriter } from '../../lib/pcap/index.js';
/** Writer for `dest`, created on first use. Throws a clear Error if it cannot be opened. */
export declare function acquireWriter(dest: string): PcapngWriter;
/** Drop one reference; the last one closes the writer (ISBs written). Returns the close error, if any. */
export declare function releaseWriter(dest: string): Error | undefined;
/** Destinations currently open (for tests and stats). */
export declare function openDestinations(): string[];
