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
export class PcapError extends Error {
    file;
    record;
    offset;
    field;
    /**
     * @param file   file name (or a label such as `fd 5`) used as the message prefix
     * @param record 0-based record or block index; -1 for the file header / section header
     * @param offset byte offset in the file; -1 when unknown
     * @param field  on-disk field name, spec spelling
     * @param detail the rest of the message, starting with the field and its value
     * @param unit   what `record` counts: 'record' (classic pcap) or 'block' (pcapng)
     */
    constructor(file, record, offset, field, detail, unit = 'record') {
        super(`${file}: ${record < 0 ? 'file header' : `${unit} ${record}`}${offset >= 0 ? ` at offset ${offset}` : ''}: ${detail}`);
        this.file = file;
        this.record = record;
        this.offset = offset;
        this.field = field;
        this.name = 'PcapError';
    }
}
//# sourceMappingURL=pcap-error.js.map