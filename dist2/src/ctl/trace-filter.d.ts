export type PacketPredicate = (buf: Uint8Array, start: number, len: number) => boolean;
export declare class FilterError extends Error {
}
export declare function compileFilter(text: string | undefined): PacketPredicate;
