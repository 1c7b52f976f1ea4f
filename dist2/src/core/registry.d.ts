/**
 * App types by name, so a config (YAML, CLI, API) can say `type: sink`. Built-in apps
 * register themselves when `src/apps/index.ts` is imported; user apps either call
 * `registerApp` or are named by module in the config (`module: ./my-app.js`, the module's
 * default export or the export named by `type`).
 */
import type { AppClass } from './app.js';
export interface AppType {
    cls: AppClass;
    /** JSON schema of the app's args (validated at configure time when present). */
    schema?: object;
    /** One line for `sluice help apps`. */
    description?: string;
}
export declare function registerApp(name: string, cls: AppClass, meta?: Omit<AppType, 'cls'>): void;
export declare function appType(name: string): AppType | undefined;
export declare function appTypeNames(): string[];
