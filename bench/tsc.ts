/** The TSC rate in Hz (the kernel's refined calibration, else /proc/cpuinfo), for converting ns to cycles. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function tscHz(): number | undefined {
  try {
    const m = /tsc: Refined TSC clocksource calibration: ([\d.]+) MHz/.exec(spawnSync('dmesg', { encoding: 'utf8' }).stdout ?? '');
    if (m) return Number(m[1]) * 1e6;
  } catch { /* no dmesg */ }
  const m = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  return m ? Number(m[1]) * 1e6 : undefined;
}
