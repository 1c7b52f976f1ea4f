import { VhostUserApp, parseVhostUserPort } from './app.js';
import { VirtioUserApp, parseVirtioUserPort } from '../virtio-user/app.js';
/** Port kinds → parser of the part after `KIND:` into the app's args. */
export declare const portParsers: Record<string, (s: string) => object>;
export { VhostUserApp, VirtioUserApp, parseVhostUserPort, parseVirtioUserPort };
