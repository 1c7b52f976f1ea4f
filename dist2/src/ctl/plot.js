const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
/** One SVG line chart; x = sample index × interval seconds. */
export function svgChart(title, unit, t, series) {
    const W = 720, H = 240, L = 70, R = 150, T = 28, B = 30;
    const max = Math.max(1e-9, ...series.flatMap((s) => s.points));
    const tMax = Math.max(1e-9, t[t.length - 1] ?? 1);
    const x = (v) => L + (v / tMax) * (W - L - R);
    const y = (v) => T + (1 - v / max) * (H - T - B);
    const fmt = (v) => (v >= 1e9 ? `${(v / 1e9).toFixed(1)}G` : v >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(1));
    const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => `<line x1="${L}" x2="${W - R}" y1="${y(max * f)}" y2="${y(max * f)}" stroke="#ddd"/><text x="${L - 6}" y="${y(max * f) + 4}" text-anchor="end" font-size="11">${fmt(max * f)}</text>`).join('');
    const lines = series.map((s, i) => {
        const c = COLORS[i % COLORS.length];
        const pts = s.points.map((v, k) => `${x(t[k]).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
        return `<polyline fill="none" stroke="${c}" stroke-width="2" points="${pts}"/><text x="${W - R + 8}" y="${T + 14 * i + 10}" font-size="12" fill="${c}">${esc(s.name)}</text>`;
    }).join('');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img"><title>${esc(title)}</title>` +
        `<text x="${L}" y="16" font-size="14" font-weight="bold">${esc(title)} (${esc(unit)})</text>${grid}` +
        `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#888"/><text x="${W - R}" y="${H - 8}" text-anchor="end" font-size="11">${tMax.toFixed(1)} s</text>${lines}</svg>`;
}
export function htmlReport(samples, last) {
    const t = [];
    let acc = 0;
    for (const s of samples) {
        acc += s.dt;
        t.push(acc);
    }
    const ports = last.ports.map((p) => p.name);
    const at = (r, p) => r.ports.find((x) => x.name === p);
    const per = (f, suffix) => ports.map((p) => ({ name: `${p} ${suffix}`, points: samples.map((r) => { const x = at(r, p); return x ? f(x) : 0; }) }));
    const reasons = [...new Set(samples.flatMap((s) => Object.keys(s.drops)))];
    const charts = [
        svgChart('Packet rate', 'packets/s', t, [...per((x) => x.rxPps, 'rx'), ...per((x) => x.txPps, 'tx')]),
        svgChart('Bit rate', 'bits/s', t, [...per((x) => x.rxBps, 'rx'), ...per((x) => x.txBps, 'tx')]),
        svgChart('Drops', 'packets/s', t, reasons.map((k) => ({ name: k, points: samples.map((s) => s.drops[k] ?? 0) }))),
        svgChart('Engine load', '% busy', t, [{ name: 'main', points: samples.map((s) => s.engine.busyPct) }]),
    ];
    const rows = last.ports.map((s) => {
        return `<tr><td>${esc(s.name)}</td><td>${esc(s.kind)}</td><td>${s.rx.packets}</td><td>${s.rx.bytes}</td><td>${s.tx.packets}</td><td>${s.tx.bytes}</td><td>${esc(Object.entries(s.drops).map(([k, v]) => `${k}=${v}`).join(', ') || '-')}</td></tr>`;
    }).join('');
    return `<!doctype html><html><head><meta charset="utf-8"><title>Sluice stats</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}</style></head>
<body><h1>Sluice stats</h1><p>${samples.length} samples, ${acc.toFixed(1)} s, ending ${esc(last.time)}</p>
${charts.join('\n')}
<h2>Counters</h2><table><tr><th>port</th><th>kind</th><th>rx packets</th><th>rx bytes</th><th>tx packets</th><th>tx bytes</th><th>drops</th></tr>${rows}</table>
<p>accounting: in ${last.accounting.in}, out ${last.accounting.out}, dropped ${last.accounting.dropped}, queued ${last.accounting.queued}</p>
</body></html>
`;
}
//# sourceMappingURL=plot.js.map