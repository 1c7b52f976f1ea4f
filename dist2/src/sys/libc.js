/**
 * The only place Sluice talks to koffi: libc function bindings, loaded once per thread
 * (koffi handles are per isolate, so each worker that imports sys/ binds its own).
 * Pointers cross as koffi externals; addresses as bigint only on the control path.
 */
import koffi from 'koffi';
const libc = koffi.load('libc.so.6');
export const k = koffi;
export const fn = {
    memfd_create: libc.func('int memfd_create(const char *name, unsigned int flags)'),
    open: libc.func('int open(const char *path, int flags, uint32_t mode)'),
    unlink: libc.func('int unlink(const char *path)'),
    close: libc.func('int close(int fd)'),
    dup: libc.func('int dup(int fd)'),
    ftruncate: libc.func('int ftruncate(int fd, int64_t len)'),
    mmap: libc.func('void *mmap(void *addr, size_t len, int prot, int flags, int fd, int64_t off)'),
    munmap: libc.func('int munmap(void *addr, size_t len)'),
    mlock: libc.func('int mlock(void *addr, size_t len)'),
    read: libc.func('intptr_t read(int fd, _Out_ uint8_t *buf, size_t count)'),
    write: libc.func('intptr_t write(int fd, const uint8_t *buf, size_t count)'),
    readPtr: libc.func('intptr_t read(int fd, void *buf, size_t count)'),
    writePtr: libc.func('intptr_t write(int fd, void *buf, size_t count)'),
    eventfd: libc.func('int eventfd(unsigned int initval, int flags)'),
    fcntl: libc.func('int fcntl(int fd, int cmd, int arg)'),
    flock: libc.func('int flock(int fd, int op)'),
    socket: libc.func('int socket(int domain, int type, int protocol)'),
    socketpair: libc.func('int socketpair(int domain, int type, int protocol, _Out_ int *sv)'),
    bind: libc.func('int bind(int fd, const uint8_t *addr, uint32_t len)'),
    listen: libc.func('int listen(int fd, int backlog)'),
    accept4: libc.func('int accept4(int fd, void *addr, void *len, int flags)'),
    connect: libc.func('int connect(int fd, const uint8_t *addr, uint32_t len)'),
    sendmsg: libc.func('intptr_t sendmsg(int fd, void *msg, int flags)'),
    recvmsg: libc.func('intptr_t recvmsg(int fd, void *msg, int flags)'),
    setsockopt: libc.func('int setsockopt(int fd, int level, int name, const uint8_t *val, uint32_t len)'),
    getsockopt: libc.func('int getsockopt(int fd, int level, int name, _Out_ uint8_t *val, _Inout_ uint32_t *len)'),
    chmod: libc.func('int chmod(const char *path, uint32_t mode)'),
    chown: libc.func('int chown(const char *path, int owner, int group)'),
    epoll_create1: libc.func('int epoll_create1(int flags)'),
    epoll_ctl: libc.func('int epoll_ctl(int epfd, int op, int fd, const uint8_t *event)'),
    epoll_wait: libc.func('int epoll_wait(int epfd, void *events, int maxevents, int timeout)'),
    sched_setaffinity: libc.func('int sched_setaffinity(int pid, size_t size, const uint8_t *mask)'),
    sched_getaffinity: libc.func('int sched_getaffinity(int pid, size_t size, _Out_ uint8_t *mask)'),
    gettid: libc.func('int gettid()'),
    ioctl: libc.func('int ioctl(int fd, unsigned long req, void *arg)'),
};
/** errno of the last failed call on this thread. */
export function errno() {
    return koffi.errno();
}
/** Native scratch memory that outlives a call (control path only). */
export function allocNative(size) {
    const ptr = koffi.alloc('uint8_t', size);
    return { ptr, u8: new Uint8Array(koffi.view(ptr, size)), address: koffi.address(ptr) };
}
//# sourceMappingURL=libc.js.map