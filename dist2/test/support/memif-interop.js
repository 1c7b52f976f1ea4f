/**
 * dpdk-testpmd with a net_memif vdev, driven line by line through stdin (interactive
 * mode), for memif interop tests and the memif benchmark. The child is killed by pid on
 * `kill()`; `quit()` sends stop/quit and returns the whole output.
 */
import { spawn } from 'node:child_process';
export class Testpmd {
    child;
    out = '';
    exited;
    /** `vdev` e.g. `net_memif0,role=client,socket=/x.sock,socket-abstract=no`; `cores` e.g. '0,1'. */
    constructor(vdevs, opts) {
        const args = ['-l', opts.cores ?? '0,1', '--no-pci', '--no-huge', '-m', String(opts.mem ?? 512), `--file-prefix=${opts.prefix}`];
        for (const v of vdevs)
            args.push('--vdev', v);
        args.push('--', '-i', '--nb-cores=1', '--total-num-mbufs=8192', ...(opts.extra ?? []));
        this.child = spawn('stdbuf', ['-oL', 'dpdk-testpmd', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stdout.on('data', (d) => { this.out += String(d); });
        this.child.stderr.on('data', (d) => { this.out += String(d); });
        this.exited = new Promise((res) => this.child.on('exit', () => res()));
    }
    cmd(line) { this.child.stdin.write(line + '\n'); }
    /** Wait until the output (after `from`) matches `re`; false on timeout or exit. */
    async waitFor(re, ms = 15000, from = 0) {
        const end = Date.now() + ms;
        while (!re.test(this.out.slice(from))) {
            if (Date.now() > end || this.child.exitCode !== null)
                return false;
            await new Promise((r) => setTimeout(r, 20));
        }
        return true;
    }
    /** stop + quit; resolves with the accumulated forward statistics. */
    async quit() {
        const from = this.out.length;
        this.cmd('stop');
        await this.waitFor(/Accumulated forward statistics[\s\S]*Done\./, 10000, from);
        this.cmd('quit');
        await Promise.race([this.exited, new Promise((r) => setTimeout(r, 10000))]);
        this.kill();
        return accumulated(this.out.slice(from));
    }
    kill() {
        if (this.child.exitCode === null && this.child.signalCode === null)
            this.child.kill('SIGKILL');
    }
}
/** Parse testpmd's "Accumulated forward statistics" block. */
export function accumulated(out) {
    const i = out.lastIndexOf('Accumulated forward statistics');
    const block = i >= 0 ? out.slice(i) : '';
    const num = (re) => Number(re.exec(block)?.[1] ?? NaN);
    return { rx: num(/RX-packets:\s+(\d+)/), tx: num(/TX-packets:\s+(\d+)/), txDropped: num(/TX-dropped:\s+(\d+)/) };
}
//# sourceMappingURL=memif-interop.js.map