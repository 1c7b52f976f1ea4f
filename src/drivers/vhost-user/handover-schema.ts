/**
 * The JSON schema of one hand-over message (handover.ts), in its own module, free of ajv, so
 * scripts/gen-validators.mjs can compile it to the standalone validator handover.ts loads
 * (handover-validator.gen.ts) instead of compiling it at every daemon start.
 */
import { MAX_MEM_REGIONS } from '../../vhost-user/message.js';

const u = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const fdIndex = { type: 'integer', minimum: -1, maximum: 252 } as const; // SCM_MAX_FD is 253
const hex64 = { type: 'string', pattern: '^0x[0-9a-f]{1,16}$' } as const;
const u16 = { type: 'integer', minimum: 0, maximum: 0xffff } as const;
export const portSchema = {
  type: 'object', additionalProperties: false,
  required: ['path', 'listenFd', 'connFd', 'features', 'protocolFeatures', 'status', 'frontendMtu', 'regions', 'rings', 'log'],
  properties: {
    path: { type: 'string', minLength: 1, maxLength: 107 }, // sun_path
    listenFd: fdIndex, connFd: fdIndex, features: hex64, protocolFeatures: hex64,
    status: { type: 'integer', minimum: 0, maximum: 0xff }, frontendMtu: { type: 'integer', minimum: 0, maximum: 0xffff },
    regions: {
      type: 'array', maxItems: MAX_MEM_REGIONS,
      items: { type: 'object', additionalProperties: false, required: ['gpa', 'size', 'frontendVa', 'mmapOffset', 'fd'], properties: { gpa: u, size: u, frontendVa: u, mmapOffset: u, fd: fdIndex } },
    },
    rings: {
      type: 'array', maxItems: 256,
      items: {
        type: 'object', additionalProperties: false,
        required: ['num', 'addr', 'nextAvail', 'nextUsed', 'enabled', 'started', 'kickFd', 'callFd', 'errFd'],
        properties: {
          num: { type: 'integer', enum: [0, ...Array.from({ length: 16 }, (_, i) => 2 ** i)] }, // a power of two <= 32768
          addr: {
            anyOf: [{ type: 'null' }, {
              type: 'object', additionalProperties: false, required: ['index', 'flags', 'descVa', 'usedVa', 'availVa', 'logGpa'],
              properties: { index: u, flags: u, descVa: u, usedVa: u, availVa: u, logGpa: { type: 'string', pattern: '^[0-9]{1,20}$' } },
            }],
          },
          nextAvail: u16, nextUsed: u16, enabled: { type: 'boolean' }, started: { type: 'boolean' }, kickFd: fdIndex, callFd: fdIndex, errFd: fdIndex,
        },
      },
    },
    log: {
      anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['size', 'offset', 'fd'], properties: { size: u, offset: u, fd: fdIndex } }],
    },
  },
} as const;
