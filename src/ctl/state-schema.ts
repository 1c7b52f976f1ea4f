/**
 * The JSON schema of the daemon's desired state (model.ts documents the model). Its own module,
 * free of ajv, so scripts/gen-validators.mjs can compile it to the standalone validator the
 * daemon loads (state-validator.gen.ts) instead of compiling it at every start.
 */
/** App-name rule shared with the engine config (names become app names). */
export const NAME_RE = /^[A-Za-z_][\w-]*$/;
export const NAME = '^[A-Za-z_][\\w-]*$';
const MAC = '^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$';
const vid = { type: 'integer', minimum: 0, maximum: 4095 };

export const stateSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    engine: {
      type: 'object', additionalProperties: false,
      properties: {
        idleSpellMs: { type: 'number', minimum: 0, maximum: 60000 },
        maxSleepMs: { type: 'number', minimum: 1, maximum: 60000 },
        poolSize: { type: 'integer', minimum: 1024, maximum: 4194304 },
        tickHz: { type: 'number', minimum: 1, maximum: 100000 },
        workers: { type: 'integer', minimum: 0, maximum: 64 },
        workerCpus: { type: 'array', minItems: 1, maxItems: 64, items: { type: 'integer', minimum: 0, maximum: 4095 } },
      },
    },
    api: {
      type: 'object', additionalProperties: false,
      properties: {
        socket: { type: 'string', minLength: 1, maxLength: 107 },
        mode: { type: 'string', pattern: '^0?[0-7]{3}$' },
        group: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }] },
        allowDirs: { type: 'array', maxItems: 64, items: { type: 'string', pattern: '^/' } },
      },
    },
    metrics: {
      type: 'object', additionalProperties: false,
      properties: { listen: { type: 'string', pattern: '^(off|[^\\s]+:\\d{1,5})$' } },
    },
    ports: {
      type: 'object',
      propertyNames: { pattern: NAME },
      additionalProperties: {
        type: 'object', additionalProperties: false, required: ['spec'],
        properties: { spec: { type: 'string', minLength: 1 } },
      },
    },
    bridges: {
      type: 'object',
      propertyNames: { pattern: NAME },
      additionalProperties: {
        type: 'object', additionalProperties: false, required: ['ports'],
        properties: {
          type: { enum: ['learning', 'flow', 'patch'] },
          ports: {
            type: 'object', propertyNames: { pattern: NAME },
            additionalProperties: {
              type: 'object', additionalProperties: false,
              properties: { vlan: vid, trunk: { type: 'array', items: vid, uniqueItems: true }, ofport: { type: 'integer', minimum: 1, maximum: 0xfeff } },
            },
          },
          flows: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    routers: {
      type: 'object',
      propertyNames: { pattern: NAME },
      additionalProperties: {
        type: 'object', additionalProperties: false, required: ['interfaces'],
        properties: {
          interfaces: {
            type: 'object', propertyNames: { pattern: NAME },
            additionalProperties: {
              type: 'object', additionalProperties: false, required: ['mac'],
              properties: { mac: { type: 'string', pattern: MAC }, ipv4: { type: 'string' }, ipv6: { type: 'string' }, mtu: { type: 'integer', minimum: 576, maximum: 65535 } },
            },
          },
          routes: {
            type: 'array',
            items: {
              type: 'object', additionalProperties: false, required: ['prefix'],
              properties: { prefix: { type: 'string', minLength: 1 }, via: { type: 'string' }, dev: { type: 'string', pattern: NAME } },
            },
          },
        },
      },
    },
    captures: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['port', 'file'],
        properties: {
          port: { type: 'string', pattern: NAME }, file: { type: 'string', minLength: 1 },
          dir: { enum: ['rx', 'tx', 'both'] }, filter: { type: 'string' },
        },
      },
    },
    bpf: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['port', 'file'],
        properties: { port: { type: 'string', pattern: NAME }, file: { type: 'string', minLength: 1 }, section: { type: 'string', minLength: 1 }, program: { type: 'string', minLength: 1 } },
      },
    },
    owners: {
      type: 'object',
      additionalProperties: {
        type: 'object', additionalProperties: false, required: ['uid', 'gid', 'what'],
        properties: { uid: { type: 'integer', minimum: 0 }, gid: { type: 'integer', minimum: 0 }, what: { type: 'string' } },
      },
    },
  },
} as const;
