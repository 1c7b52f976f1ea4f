import { type DataPlaneState } from '../runtime/state.js';
export type { PortModel, BridgeType, BridgeMember, BridgeModel, RouterInterface, RouteModel, RouterModel, CaptureModel, EngineSettings } from '../runtime/state.js';
export { StateError, bridgeOfports } from '../runtime/state.js';
export interface ApiSettings {
    socket?: string;
    mode?: string;
    group?: string | number;
    allowDirs?: string[];
}
export interface MetricsSettings {
    listen?: string;
}
/** Who (other than root) made an object, and what it named then (its spec or file). */
export interface Owner {
    uid: number;
    gid: number;
    what: string;
}
/** The daemon's state: the data plane (runtime/state.ts; no free-form apps or engines) plus how it is served. */
export interface DesiredState extends Omit<DataPlaneState, 'apps' | 'links' | 'engines'> {
    version?: 1;
    api?: ApiSettings;
    metrics?: MetricsSettings;
    owners?: Record<string, Owner>;
}
/** App-name rule shared with the engine config (names become app names). */
export declare const NAME_RE: RegExp;
export declare const stateSchema: {
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly version: {
            readonly const: 1;
        };
        readonly engine: {
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly idleSpellMs: {
                    readonly type: 'number';
                    readonly minimum: 0;
                    readonly maximum: 60000;
                };
                readonly maxSleepMs: {
                    readonly type: 'number';
                    readonly minimum: 1;
                    readonly maximum: 60000;
                };
                readonly poolSize: {
                    readonly type: 'integer';
                    readonly minimum: 1024;
                    readonly maximum: 4194304;
                };
                readonly tickHz: {
                    readonly type: 'number';
                    readonly minimum: 1;
                    readonly maximum: 100000;
                };
                readonly workers: {
                    readonly type: 'integer';
                    readonly minimum: 0;
                    readonly maximum: 64;
                };
                readonly workerCpus: {
                    readonly type: 'array';
                    readonly minItems: 1;
                    readonly maxItems: 64;
                    readonly items: {
                        readonly type: 'integer';
                        readonly minimum: 0;
                        readonly maximum: 4095;
                    };
                };
            };
        };
        readonly api: {
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly socket: {
                    readonly type: 'string';
                    readonly minLength: 1;
                    readonly maxLength: 107;
                };
                readonly mode: {
                    readonly type: 'string';
                    readonly pattern: '^0?[0-7]{3}$';
                };
                readonly group: {
                    readonly anyOf: readonly [{
                        readonly type: 'string';
                        readonly minLength: 1;
                    }, {
                        readonly type: 'integer';
                        readonly minimum: 0;
                    }];
                };
                readonly allowDirs: {
                    readonly type: 'array';
                    readonly maxItems: 64;
                    readonly items: {
                        readonly type: 'string';
                        readonly pattern: '^/';
                    };
                };
            };
        };
        readonly metrics: {
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly listen: {
                    readonly type: 'string';
                    readonly pattern: '^(off|[^\\s]+:\\d{1,5})$';
                };
            };
        };
        readonly ports: {
            readonly type: 'object';
            readonly propertyNames: {
                readonly pattern: "^[A-Za-z_][\\w-]*$";
            };
            readonly additionalProperties: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['spec'];
                readonly properties: {
                    readonly spec: {
                        readonly type: 'string';
                        readonly minLength: 1;
                    };
                };
            };
        };
        readonly bridges: {
            readonly type: 'object';
            readonly propertyNames: {
                readonly pattern: "^[A-Za-z_][\\w-]*$";
            };
            readonly additionalProperties: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['ports'];
                readonly properties: {
                    readonly type: {
                        readonly enum: readonly ['learning', 'flow', 'patch'];
                    };
                    readonly ports: {
                        readonly type: 'object';
                        readonly propertyNames: {
                            readonly pattern: "^[A-Za-z_][\\w-]*$";
                        };
                        readonly additionalProperties: {
                            readonly type: 'object';
                            readonly additionalProperties: false;
                            readonly properties: {
                                readonly vlan: {
                                    type: string;
                                    minimum: number;
                                    maximum: number;
                                };
                                readonly trunk: {
                                    readonly type: 'array';
                                    readonly items: {
                                        type: string;
                                        minimum: number;
                                        maximum: number;
                                    };
                                    readonly uniqueItems: true;
                                };
                                readonly ofport: {
                                    readonly type: 'integer';
                                    readonly minimum: 1;
                                    readonly maximum: 65279;
                                };
                            };
                        };
                    };
                    readonly flows: {
                        readonly type: 'array';
                        readonly items: {
                            readonly type: 'string';
                            readonly minLength: 1;
                        };
                    };
                };
            };
        };
        readonly routers: {
            readonly type: 'object';
            readonly propertyNames: {
                readonly pattern: "^[A-Za-z_][\\w-]*$";
            };
            readonly additionalProperties: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['interfaces'];
                readonly properties: {
                    readonly interfaces: {
                        readonly type: 'object';
                        readonly propertyNames: {
                            readonly pattern: "^[A-Za-z_][\\w-]*$";
                        };
                        readonly additionalProperties: {
                            readonly type: 'object';
                            readonly additionalProperties: false;
                            readonly required: readonly ['mac'];
                            readonly properties: {
                                readonly mac: {
                                    readonly type: 'string';
                                    readonly pattern: "^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$";
                                };
                                readonly ipv4: {
                                    readonly type: 'string';
                                };
                                readonly ipv6: {
                                    readonly type: 'string';
                                };
                                readonly mtu: {
                                    readonly type: 'integer';
                                    readonly minimum: 576;
                                    readonly maximum: 65535;
                                };
                            };
                        };
                    };
                    readonly routes: {
                        readonly type: 'array';
                        readonly items: {
                            readonly type: 'object';
                            readonly additionalProperties: false;
                            readonly required: readonly ['prefix'];
                            readonly properties: {
                                readonly prefix: {
                                    readonly type: 'string';
                                    readonly minLength: 1;
                                };
                                readonly via: {
                                    readonly type: 'string';
                                };
                                readonly dev: {
                                    readonly type: 'string';
                                    readonly pattern: "^[A-Za-z_][\\w-]*$";
                                };
                            };
                        };
                    };
                };
            };
        };
        readonly captures: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['port', 'file'];
                readonly properties: {
                    readonly port: {
                        readonly type: 'string';
                        readonly pattern: "^[A-Za-z_][\\w-]*$";
                    };
                    readonly file: {
                        readonly type: 'string';
                        readonly minLength: 1;
                    };
                    readonly dir: {
                        readonly enum: readonly ['rx', 'tx', 'both'];
                    };
                    readonly filter: {
                        readonly type: 'string';
                    };
                };
            };
        };
        readonly owners: {
            readonly type: 'object';
            readonly additionalProperties: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['uid', 'gid', 'what'];
                readonly properties: {
                    readonly uid: {
                        readonly type: 'integer';
                        readonly minimum: 0;
                    };
                    readonly gid: {
                        readonly type: 'integer';
                        readonly minimum: 0;
                    };
                    readonly what: {
                        readonly type: 'string';
                    };
                };
            };
        };
    };
};
/** Validate a parsed document; returns it typed or throws StateError naming the field. */
export declare function validateState(x: unknown): DesiredState;
/** Parse YAML (or JSON) text into a validated state; YAML syntax errors name the line. */
export declare function parseState(text: string, source?: string): DesiredState;
/** Print a state as YAML, sections in a fixed order (what `sluice show config` prints). */
export declare function printState(s: DesiredState): string;
/** Deep copy (the model is plain JSON data). */
export declare function cloneState(s: DesiredState): DesiredState;
/**
 * The state `next` describes when applied on top of `current`: settings sections missing
 * from `next` keep their current value; collections missing from `next` become empty.
 */
export declare function resolveApplied(current: DesiredState, next: DesiredState): DesiredState;
/**
 * What `apply` without --prune (and SIGHUP) makes of `doc`: every object in it is created
 * or replaced, and objects only in `current` stay — ports, bridges with their members and
 * flows, routers with their interfaces and routes, captures. Nothing made through the API
 * disappears because a file does not list it; `resolveApplied` (--prune) is the exact form.
 */
export declare function mergeApplied(current: DesiredState, doc: DesiredState): DesiredState;
