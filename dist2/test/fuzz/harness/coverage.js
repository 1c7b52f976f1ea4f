/**
 * Block coverage per batch through node:inspector (V8 precise coverage, callCount+detailed).
 * V8 merges a block into its parent when their counts are equal, so range keys differ from
 * batch to batch; what is stable is the set of source offsets that ran. Each take paints the
 * ranges of the scripts in scope (outer to inner, innermost wins) into a per-script bitmap of
 * executed offsets; "new coverage" is an offset that never ran before. Blocks are reported
 * as the distinct ranges V8 has shown (known) and those whose start offset ran (covered).
 *
 * Modules must be imported after `start()`: functions compiled earlier keep function-level
 * counters only.
 */
import { Session } from 'node:inspector';
export class Coverage {
    session = new Session();
    seen = new Map();
    blockKeys = new Map();
    /** Substrings of the script URLs counted (the target's `covers`). */
    scope = [];
    post(method, params) {
        return new Promise((resolve, reject) => {
            this.session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res)));
        });
    }
    async start() {
        this.session.connect();
        await this.post('Profiler.enable');
        await this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    }
    async stop() {
        await this.post('Profiler.stopPreciseCoverage');
        this.session.disconnect();
    }
    /** Forget everything seen (to measure a corpus from scratch). */
    reset() {
        this.seen.clear();
        this.blockKeys.clear();
    }
    /** Executed-offset bitmaps of the scripts in scope since the last take (resets V8's counters). */
    async take() {
        const { result } = await this.post('Profiler.takePreciseCoverage');
        const out = new Map();
        for (const s of result) {
            if (!this.scope.some((c) => s.url.includes(c)))
                continue;
            const fns = s.functions.slice().sort((a, b) => a.ranges[0].startOffset - b.ranges[0].startOffset
                || b.ranges[0].endOffset - a.ranges[0].endOffset);
            let size = 0;
            for (const f of fns)
                for (const r of f.ranges)
                    if (r.endOffset > size)
                        size = r.endOffset;
            const prev = this.seen.get(s.url);
            const bits = new Uint8Array(Math.max(size, prev?.length ?? 0));
            let keys = this.blockKeys.get(s.url);
            if (!keys)
                this.blockKeys.set(s.url, (keys = new Set()));
            for (const f of fns) {
                for (const r of f.ranges) {
                    bits.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
                    keys.add(`${r.startOffset}:${r.endOffset}`);
                }
            }
            out.set(s.url, bits);
        }
        return out;
    }
    /** Whether `cov` ran an offset never seen; with `merge`, remember it. */
    hasNew(cov, merge) {
        let found = false;
        for (const [url, bits] of cov) {
            let seen = this.seen.get(url);
            if (!seen || seen.length < bits.length) {
                const grown = new Uint8Array(bits.length);
                if (seen)
                    grown.set(seen);
                seen = grown;
                if (merge)
                    this.seen.set(url, seen);
            }
            for (let i = 0; i < bits.length; i++) {
                if (bits[i] === 1 && seen[i] === 0) {
                    found = true;
                    if (!merge)
                        return true;
                    seen[i] = 1;
                }
            }
        }
        return found;
    }
    stats() {
        let blocksCovered = 0, blocksKnown = 0, bytesCovered = 0, bytesTotal = 0;
        for (const [url, keys] of this.blockKeys) {
            const seen = this.seen.get(url);
            for (const k of keys) {
                blocksKnown++;
                if (seen && seen[Number(k.slice(0, k.indexOf(':')))] === 1)
                    blocksCovered++;
            }
        }
        for (const seen of this.seen.values()) {
            bytesTotal += seen.length;
            for (let i = 0; i < seen.length; i++)
                bytesCovered += seen[i];
        }
        return { blocksCovered, blocksKnown, bytesCovered, bytesTotal };
    }
}
//# sourceMappingURL=coverage.js.map