/**
 * Wire constants for classic pcap (draft-gharris-opsawg-pcap) and pcapng
 * (draft-ietf-opsawg-pcapng, the successor of draft-tuexen-opsawg-pcapng). Names keep the
 * spec spelling. Pure data, no imports.
 */
/** Classic pcap magic numbers as read in the writer's byte order. Section 4 of the pcap draft. */
export declare const PCAP_MAGIC_US = 2712847316;
export declare const PCAP_MAGIC_NS = 2712812621;
/** The same magics as they read when the file was written in the other byte order. */
export declare const PCAP_MAGIC_US_SWAPPED = 3569595041;
export declare const PCAP_MAGIC_NS_SWAPPED = 1295823521;
export declare const PCAP_VERSION_MAJOR = 2;
export declare const PCAP_VERSION_MINOR = 4;
/** File header: magic, version, reserved1, reserved2, snaplen, linktype+FCS. */
export declare const PCAP_FILE_HEADER_LEN = 24;
/** Record header: ts_sec, ts_usec|ts_nsec, incl_len, orig_len. */
export declare const PCAP_RECORD_HEADER_LEN = 16;
/** Largest snaplen/captured length we accept (libpcap's MAXIMUM_SNAPLEN, 256 KiB). */
export declare const MAX_SNAPLEN = 262144;
/** LINKTYPE_ETHERNET: the only link type Sluice ports carry. */
export declare const LINKTYPE_ETHERNET = 1;
/** pcapng block types (section "Standardized Block Type Codes"). */
export declare const BT_SHB = 168627466;
export declare const BT_IDB = 1;
export declare const BT_SPB = 3;
export declare const BT_ISB = 5;
export declare const BT_EPB = 6;
/** SHB byte-order magic. */
export declare const BYTE_ORDER_MAGIC = 439041101;
export declare const BYTE_ORDER_MAGIC_SWAPPED = 1295788826;
/** Options valid in every block. */
export declare const OPT_ENDOFOPT = 0;
export declare const OPT_COMMENT = 1;
/** SHB options. */
export declare const SHB_HARDWARE = 2;
export declare const SHB_OS = 3;
export declare const SHB_USERAPPL = 4;
/** IDB options. */
export declare const IF_NAME = 2;
export declare const IF_DESCRIPTION = 3;
export declare const IF_TSRESOL = 9;
export declare const IF_TSOFFSET = 14;
/** EPB options. */
export declare const EPB_FLAGS = 2;
export declare const EPB_DROPCOUNT = 4;
/** ISB options. */
export declare const ISB_STARTTIME = 2;
export declare const ISB_ENDTIME = 3;
export declare const ISB_IFRECV = 4;
export declare const ISB_IFDROP = 5;
/** epb_flags bits 0-1: direction (section "Enhanced Packet Block Flags Word"). */
export declare const EPB_FLAG_INBOUND = 1;
export declare const EPB_FLAG_OUTBOUND = 2;
/** A few link type names for error messages (tcpdump.org/linktypes.html). */
export declare function linktypeName(lt: number): string;
/** Round up to a multiple of 4 (pcapng 32-bit padding). */
export declare function pad4(n: number): number;
