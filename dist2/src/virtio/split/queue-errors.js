/** Log/counter names, indexed by QueueError. */
export const QUEUE_ERROR_NAMES = [
    'none',
    'avail_idx_jump',
    'bad_head',
    'desc_out_of_memory',
    'chain_too_long',
    'bad_flags',
    'bad_next',
    'bad_indirect',
    'bad_order',
    'chain_too_big',
    'bad_used_id',
];
//# sourceMappingURL=queue-errors.js.map