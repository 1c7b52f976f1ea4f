export declare function describeProgram(prog: Int32Array, plen: number, key: Uint32Array, normalPorts: (inPort: number, key: Uint32Array) => number[]): {
    actions: string;
    ports: number[];
};
