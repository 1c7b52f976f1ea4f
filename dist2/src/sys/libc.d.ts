export declare const k: {
    LibraryHandle: import("koffi").LibraryHandle;
    TypeObject: import("koffi").TypeObject;
    Union: import("koffi").Union;
    address: typeof import("koffi").address;
    alias: typeof import("koffi").alias;
    alignof: typeof import("koffi").alignof;
    alloc: typeof import("koffi").alloc;
    array: typeof import("koffi").array;
    as: typeof import("koffi").as;
    call: typeof import("koffi").call;
    config: typeof import("koffi").config;
    decode: typeof import("koffi").decode;
    disposable: typeof import("koffi").disposable;
    encode: typeof import("koffi").encode;
    enumeration: typeof import("koffi").enumeration;
    errno: typeof import("koffi").errno;
    extension: typeof import("koffi").extension;
    free: typeof import("koffi").free;
    inout: typeof import("koffi").inout;
    introspect: typeof import("koffi").introspect;
    load: typeof import("koffi").load;
    node: typeof import("koffi").node;
    offsetof: typeof import("koffi").offsetof;
    opaque: typeof import("koffi").opaque;
    os: typeof import("koffi").os;
    out: typeof import("koffi").out;
    pack: typeof import("koffi").pack;
    pointer: typeof import("koffi").pointer;
    proto: typeof import("koffi").proto;
    register: typeof import("koffi").register;
    reset: typeof import("koffi").reset;
    resolve: typeof import("koffi").resolve;
    sizeof: typeof import("koffi").sizeof;
    stats: typeof import("koffi").stats;
    struct: typeof import("koffi").struct;
    type: typeof import("koffi").type;
    types: typeof import("koffi").types;
    union: typeof import("koffi").union;
    unregister: typeof import("koffi").unregister;
    version: typeof import("koffi").version;
    view: typeof import("koffi").view;
};
export declare const fn: {
    memfd_create: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    open: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    unlink: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    close: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    dup: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    ftruncate: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    mmap: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    munmap: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    mlock: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    read: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    write: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    readPtr: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    writePtr: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    eventfd: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    fcntl: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    flock: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    socket: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    socketpair: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    bind: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    listen: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    accept4: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    connect: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    sendmsg: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    recvmsg: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    setsockopt: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    getsockopt: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    chmod: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    chown: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    epoll_create1: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    epoll_ctl: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    epoll_wait: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    sched_setaffinity: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    sched_getaffinity: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    gettid: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
    ioctl: {
        (...args: any[]): any;
        async: (...args: any[]) => any;
        info: {
            name: string;
            arguments: import("koffi").TypeObject[];
            result: import("koffi").TypeObject;
        };
    };
};
/** errno of the last failed call on this thread. */
export declare function errno(): number;
/** Native scratch memory that outlives a call (control path only). */
export declare function allocNative(size: number): {
    ptr: unknown;
    u8: Uint8Array;
    address: bigint;
};
