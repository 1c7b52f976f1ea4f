/** Errors of the eBPF layer: a bad object file, a refused program (with the instruction index), a map misuse. */
export class BpfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BpfError';
  }
}

/** The ELF/BTF object could not be read; the message names the section or field. */
export class BpfObjectError extends BpfError {
  constructor(message: string) { super(message); this.name = 'BpfObjectError'; }
}

/** The verifier refused the program at instruction `pc`. */
export class VerifierError extends BpfError {
  constructor(readonly pc: number, readonly reason: string, insnText = '') {
    super(`insn ${pc}${insnText ? ` (${insnText})` : ''}: ${reason}`);
    this.name = 'VerifierError';
  }
}
