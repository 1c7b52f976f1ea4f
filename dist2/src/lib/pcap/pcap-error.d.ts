/**
 * PcapError: the one error type thrown by the pcap/pcapng file layer for malformed input.
 *
 * Contract: `message` reads `<file>: <where> at offset <n>: <field> <what is wrong>`, e.g.
 * `bad.pcap: record 3 at offset 1234: incl_len 70000 exceeds snaplen 65535`; `field` names the
 * on-disk field (spec spelling: `magic_number`, `incl_len`, `block_total_length`, ...) and
 * `offset` is the byte offset of the record/block (or field) in the file, -1 when not
 * applicable (e.g. an I/O error on a writer's fd). `record` is the 0-based record/block
 * index, -1 for the file header.
 */
export declare class PcapError extends Error {
    readonly file: string;
    readonly record: number;
    readonly offset: number;
    readonly field: string;
    /**
     * @param file   file name (or a label such as `fd 5`) used as the message prefix
     * @param record 0-based record or block index; -1 for the file header / section header
     * @param offset byte offset in the file; -1 when unknown
     * @param field  on-disk field name, spec spelling
     * @param detail the rest of the message, starting with the field and its value
     * @param unit   what `record` counts: 'record' (classic pcap) or 'block' (pcapng)
     */
    constructor(file: string, record: number, offset: number, field: string, detail: string, unit?: 'record' | 'block');
}
