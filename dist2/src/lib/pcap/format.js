/**
 * Wire constants for classic pcap (draft-gharris-opsawg-pcap) and pcapng
 * (draft-ietf-opsawg-pcapng, the successor of draft-tuexen-opsawg-pcapng). Names keep the
 * spec spelling. Pure data, no imports.
 */
/** Classic pcap magic numbers as read in the writer's byte order. Section 4 of the pcap draft. */
export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;
/** The same magics as they read when the file was written in the other byte order. */
export const PCAP_MAGIC_US_SWAPPED = 0xd4c3b2a1;
export const PCAP_MAGIC_NS_SWAPPED = 0x4d3cb2a1;
export const PCAP_VERSION_MAJOR = 2;
export const PCAP_VERSION_MINOR = 4;
/** File header: magic, version, reserved1, reserved2, snaplen, linktype+FCS. */
export const PCAP_FILE_HEADER_LEN = 24;
/** Record header: ts_sec, ts_usec|ts_nsec, incl_len, orig_len. */
export const PCAP_RECORD_HEADER_LEN = 16;
/** Largest snaplen/captured length we accept (libpcap's MAXIMUM_SNAPLEN, 256 KiB). */
export const MAX_SNAPLEN = 262144;
/** LINKTYPE_ETHERNET: the only link type Sluice ports carry. */
export const LINKTYPE_ETHERNET = 1;
/** pcapng block types (section "Standardized Block Type Codes"). */
export const BT_SHB = 0x0a0d0d0a;
export const BT_IDB = 0x00000001;
export const BT_SPB = 0x00000003;
export const BT_ISB = 0x00000005;
export const BT_EPB = 0x00000006;
/** SHB byte-order magic. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
export const BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;
/** Options valid in every block. */
export const OPT_ENDOFOPT = 0;
export const OPT_COMMENT = 1;
/** SHB options. */
export const SHB_HARDWARE = 2;
export const SHB_OS = 3;
export const SHB_USERAPPL = 4;
/** IDB options. */
export const IF_NAME = 2;
export const IF_DESCRIPTION = 3;
export const IF_TSRESOL = 9;
export const IF_TSOFFSET = 14;
/** EPB options. */
export const EPB_FLAGS = 2;
export const EPB_DROPCOUNT = 4;
/** ISB options. */
export const ISB_STARTTIME = 2;
export const ISB_ENDTIME = 3;
export const ISB_IFRECV = 4;
export const ISB_IFDROP = 5;
/** epb_flags bits 0-1: direction (section "Enhanced Packet Block Flags Word"). */
export const EPB_FLAG_INBOUND = 1;
export const EPB_FLAG_OUTBOUND = 2;
/** A few link type names for error messages (tcpdump.org/linktypes.html). */
export function linktypeName(lt) {
    switch (lt) {
        case 0: return 'LINKTYPE_NULL';
        case 1: return 'LINKTYPE_ETHERNET';
        case 101: return 'LINKTYPE_RAW';
        case 105: return 'LINKTYPE_IEEE802_11';
        case 113: return 'LINKTYPE_LINUX_SLL';
        case 127: return 'LINKTYPE_IEEE802_11_RADIOTAP';
        case 228: return 'LINKTYPE_IPV4';
        case 229: return 'LINKTYPE_IPV6';
        case 276: return 'LINKTYPE_LINUX_SLL2';
        default: return 'unknown';
    }
}
/** Round up to a multiple of 4 (pcapng 32-bit padding). */
export function pad4(n) {
    return (n + 3) & ~3;
}
//# sourceMappingURL=format.js.map