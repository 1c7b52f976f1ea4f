/** JSON schema of a Sluice run config (`sluice run FILE.yaml`). */
export declare const runConfigSchema: {
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly pool: {
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly buffers: {
                    readonly type: 'integer';
                    readonly minimum: 1024;
                    readonly maximum: 4194304;
                };
                readonly bufferSize: {
                    readonly type: 'integer';
                    readonly minimum: 2048;
                    readonly maximum: 65536;
                    readonly multipleOf: 64;
                };
                readonly hugepages: {
                    readonly enum: readonly ['auto', 'never', 'require'];
                };
            };
        };
        readonly ports: {
            readonly type: 'object';
            readonly propertyNames: {
                readonly pattern: '^[A-Za-z_][\\w-]*$';
            };
            readonly additionalProperties: {
                readonly type: 'string';
                readonly minLength: 1;
            };
        };
        readonly mode: {
            readonly enum: readonly ['patch', 'bridge', 'none'];
        };
        readonly apps: {
            readonly type: 'object';
            readonly propertyNames: {
                readonly pattern: '^[A-Za-z_][\\w-]*$';
            };
            readonly additionalProperties: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['type'];
                readonly properties: {
                    readonly type: {
                        readonly type: 'string';
                        readonly minLength: 1;
                    };
                    readonly args: {
                        readonly type: 'object';
                    };
                    readonly module: {
                        readonly type: 'string';
                        readonly minLength: 1;
                    };
                };
            };
        };
        readonly links: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
                readonly pattern: '^\\s*[A-Za-z_][\\w-]*\\.[A-Za-z_][\\w-]*\\s*->\\s*[A-Za-z_][\\w-]*\\.[A-Za-z_][\\w-]*\\s*$';
            };
        };
        readonly engines: {
            readonly type: 'array';
            readonly minItems: 1;
            readonly items: {
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['name', 'apps'];
                readonly properties: {
                    readonly name: {
                        readonly type: 'string';
                        readonly pattern: '^[A-Za-z_][\\w-]*$';
                    };
                    readonly cpu: {
                        readonly type: 'integer';
                        readonly minimum: 0;
                        readonly maximum: 1023;
                    };
                    readonly apps: {
                        readonly type: 'array';
                        readonly items: {
                            readonly type: 'string';
                        };
                        readonly minItems: 1;
                    };
                };
            };
        };
        readonly idleSpellMs: {
            readonly type: 'number';
            readonly minimum: 0;
            readonly maximum: 60000;
        };
        readonly duration: {
            readonly type: 'number';
            readonly minimum: 0;
        };
    };
};
