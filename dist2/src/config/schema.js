/** JSON schema of a Sluice run config (`sluice run FILE.yaml`). */
export const runConfigSchema = {
    type: 'object',
    additionalProperties: false,
    properties: {
        pool: {
            type: 'object', additionalProperties: false,
            properties: {
                buffers: { type: 'integer', minimum: 1024, maximum: 4194304 },
                bufferSize: { type: 'integer', minimum: 2048, maximum: 65536, multipleOf: 64 },
                hugepages: { enum: ['auto', 'never', 'require'] },
            },
        },
        ports: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z_][\\w-]*$' },
            additionalProperties: { type: 'string', minLength: 1 },
        },
        mode: { enum: ['patch', 'bridge', 'none'] },
        apps: {
            type: 'object',
            propertyNames: { pattern: '^[A-Za-z_][\\w-]*$' },
            additionalProperties: {
                type: 'object', additionalProperties: false, required: ['type'],
                properties: { type: { type: 'string', minLength: 1 }, args: { type: 'object' }, module: { type: 'string', minLength: 1 } },
            },
        },
        links: { type: 'array', items: { type: 'string', pattern: '^\\s*[A-Za-z_][\\w-]*\\.[A-Za-z_][\\w-]*\\s*->\\s*[A-Za-z_][\\w-]*\\.[A-Za-z_][\\w-]*\\s*$' } },
        engines: {
            type: 'array', minItems: 1,
            items: {
                type: 'object', additionalProperties: false, required: ['name', 'apps'],
                properties: {
                    name: { type: 'string', pattern: '^[A-Za-z_][\\w-]*$' },
                    cpu: { type: 'integer', minimum: 0, maximum: 1023 },
                    apps: { type: 'array', items: { type: 'string' }, minItems: 1 },
                },
            },
        },
        idleSpellMs: { type: 'number', minimum: 0, maximum: 60000 },
        duration: { type: 'number', minimum: 0 },
    },
};
//# sourceMappingURL=schema.js.map