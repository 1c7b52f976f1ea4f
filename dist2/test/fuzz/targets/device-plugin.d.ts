import type { FuzzTarget } from '../harness/target.js';
/** What protobuf's decoder throws on bytes that are not a message of the request type. */
export declare class DecodeError extends Error {
}
export declare const target: FuzzTarget;
