export declare function runCni(env: Record<string, string | undefined>, stdin: string): Promise<{
    code: number;
    stdout: string;
}>;
/** The executable's whole job (bin/sluice-cni.js calls this). */
export declare function cliMain(): Promise<void>;
