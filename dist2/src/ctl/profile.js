/**
 * CPU profile of the daemon process (engines run on its main thread) for `sluice profile
 * --seconds N`: the V8 sampling profiler through node:inspector, returned as a
 * `.cpuprofile` object ({nodes, startTime, endTime, samples, timeDeltas}) that Chrome
 * DevTools, VS Code and speedscope open. One profile at a time; the engine keeps running
 * (the profiler samples from its own thread).
 */
import { Session } from 'node:inspector/promises';
let running = false;
export async function recordProfile(seconds, intervalUs = 250) {
    if (running)
        throw new Error('a profile is already being recorded');
    running = true;
    const session = new Session();
    session.connect();
    try {
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
        await session.post('Profiler.start');
        await new Promise((r) => setTimeout(r, seconds * 1000));
        const { profile } = await session.post('Profiler.stop');
        return profile;
    }
    finally {
        try {
            await session.post('Profiler.disable');
        }
        catch { /* session already gone */ }
        session.disconnect();
        running = false;
    }
}
//# sourceMappingURL=profile.js.map