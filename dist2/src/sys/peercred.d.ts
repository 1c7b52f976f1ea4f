export interface PeerCred {
    pid: number;
    uid: number;
    gid: number;
}
export declare function peerCred(fd: number): PeerCred;
