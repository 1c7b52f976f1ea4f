/**
 * The one table of `sluice` verbs: what each does, its arguments, an example. `--help` on
 * any verb or subcommand, the verb list, usage errors and shell completion are all printed
 * from here, so they cannot drift apart. A verb's code lives in ./commands/<name>.ts.
 */

export interface SubCommand {
  name: string;
  aliases?: string[];
  usage: string[];
  about: string;
  example: string[];
}

export interface Verb {
  name: string;
  about: string;
  /** Usage lines without the leading "sluice " (subcommand verbs: the subs' lines). */
  usage: string[];
  /** Arguments and options, one per line. */
  args?: string[];
  example: string[];
  /** Talks to the daemon: takes -j/-p/--socket anywhere on the line. */
  ctl?: boolean;
  /** `-j`/`--json` is this verb's JSON-output flag (verbs that do not talk to the daemon). */
  jsonFlag?: boolean;
  subs?: SubCommand[];
  /** Help text computed at run time (e.g. the port kinds built in). */
  more?: () => Promise<string>;
}

const PORT_KINDS = async (): Promise<string> => {
  const { loadBuiltins } = await import('../runtime/builtin.js');
  const { portKindUsage } = await import('../core/port-kinds.js');
  await loadBuiltins();
  return `port specs (kinds built in):\n  ${portKindUsage().join('\n  ')}`;
};

export const GLOBAL_HELP = 'global options (before or after the verb): -j|--json one-line JSON, -p|--pretty indented JSON, --socket PATH (default $SLUICE_SOCKET or /run/sluice/api.sock)';

export const VERBS: Verb[] = [
  {
    name: 'apply', ctl: true, about: 'apply a desired-state file to the running daemon',
    usage: ['apply FILE|- [--prune] [--dry-run|-n]'],
    args: ['FILE      YAML or JSON as `sluice show config` prints it; - reads stdin', '--prune   also remove what FILE does not list (kept and listed otherwise)', '--dry-run print the changes, change nothing'],
    example: ['sluice show config > state.yaml && sluice apply --dry-run state.yaml'],
  },
  {
    name: 'bond', ctl: true, about: 'bonds (ports of kind bond: active-backup, balance-slb, balance-tcp, LACP), as ovs-appctl bond/*',
    usage: [],
    example: ['sluice port add bond0 bond:vm1a+vm1b,mode=balance-tcp,lacp=active,lacp-rate=fast && sluice bond show bond0'],
    subs: [
      { name: 'show', usage: ['bond show [BOND]'], about: 'mode, LACP status, active member, and per member: enabled, may_enable, hash buckets and their load (ovs-appctl bond/show)', example: ['sluice bond show bond0 -p'] },
      { name: 'rebalance', usage: ['bond rebalance BOND'], about: 'move busy hash buckets from the most to the least loaded member now, instead of at the next rebalance-interval (balance-slb, balance-tcp)', example: ['sluice bond rebalance bond0'] },
      { name: 'enable-member', usage: ['bond enable-member BOND MEMBER'], about: 'put a member disabled by hand back into the bond', example: ['sluice bond enable-member bond0 vm1b'] },
      { name: 'disable-member', usage: ['bond disable-member BOND MEMBER'], about: 'take a member out of the bond (LACP tells the partner first); not kept across restarts, as in OVS', example: ['sluice bond disable-member bond0 vm1b'] },
    ],
  },
  {
    name: 'bridge', ctl: true, about: 'L2 bridges: learning (VLAN-aware), flow (flow table), patch (cross-connect)',
    usage: [],
    example: ['sluice bridge add br0 type learning ports vm1,vm2'],
    subs: [
      { name: 'add', usage: ['bridge add NAME [type=learning|flow|patch] [ports=P1,P2,...]'], about: 'create a bridge', example: ['sluice bridge add br0 type=flow ports=vm1,vm2'] },
      { name: 'del', usage: ['bridge del NAME'], about: 'remove a bridge (its ports stay)', example: ['sluice bridge del br0'] },
      { name: 'addif', aliases: ['add-port'], usage: ['bridge addif BRIDGE PORT [vlan=N | trunk=N,N...] [ofport=N]'], about: 'join a port to a bridge, as an access or trunk port (OpenFlow number: the lowest free unless given)', example: ['sluice bridge addif br0 vm3 vlan=10'] },
      { name: 'setif', aliases: ['set-port'], usage: ['bridge setif BRIDGE PORT [vlan=N | trunk=N,N...]'], about: "change a member's access VLAN or trunk list in place (learned MACs stay)", example: ['sluice bridge setif br0 vm3 trunk=10,20'] },
      { name: 'delif', aliases: ['del-port'], usage: ['bridge delif BRIDGE PORT'], about: 'take a port out of a bridge', example: ['sluice bridge delif br0 vm3'] },
      { name: 'show', usage: ['bridge show [NAME]'], about: 'bridges, their members and VLANs', example: ['sluice bridge show -p'] },
    ],
  },
  {
    name: 'bpf', ctl: true, about: 'XDP programs (ELF objects from clang -target bpf) on ports of the running daemon, and their maps',
    usage: [],
    example: ['sluice bpf attach vm1 /etc/sluice/filter.o && sluice bpf show'],
    subs: [
      { name: 'attach', usage: ['bpf attach PORT FILE.o [section=NAME] [program=NAME]'], about: 'run the program on what PORT receives (XDP_DROP counts as filtered, XDP_TX goes back out of PORT, XDP_REDIRECT out of the port its devmap names, ports numbered from 1)', example: ['sluice bpf attach vm1 ./xdp_filter.o section=xdp'] },
      { name: 'detach', usage: ['bpf detach PORT'], about: 'remove the program of PORT', example: ['sluice bpf detach vm1'] },
      { name: 'show', usage: ['bpf show'], about: 'programs: attach point, instructions, runs, ns per run, packets per XDP action', example: ['sluice bpf show -j'] },
      { name: 'map', usage: ['bpf map dump PORT MAP', 'bpf map update PORT MAP KEY VALUE [any|noexist|exist]', 'bpf map delete PORT MAP KEY'], about: 'read and write a program\'s map (KEY/VALUE: 0x and hex bytes in memory order, or a decimal for up to 8 bytes, little-endian)', example: ['sluice bpf map dump vm1 counters -j', 'sluice bpf map update vm1 ports 0 3'] },
    ],
  },
  {
    name: 'capture', ctl: true, about: 'pcapng capture of a port of the running daemon',
    usage: [],
    example: ['sluice capture add vm1 /var/lib/sluice/captures/vm1.pcapng dir=rx filter=icmp'],
    subs: [
      { name: 'add', usage: ['capture add PORT FILE [dir=rx|tx|both] [filter=EXPR | filter EXPR...]'], about: 'mirror a port into FILE (tcpdump-like filter: udp and port 53, host 10.0.0.1, vlan 10, icmp)', example: ['sluice capture add vm1 /tmp/vm1.pcapng dir=both filter="udp and port 53"'] },
      { name: 'del', usage: ['capture del PORT [FILE]'], about: 'stop the captures of a port (or only the one into FILE)', example: ['sluice capture del vm1'] },
      { name: 'show', usage: ['capture show'], about: 'captures and their files', example: ['sluice capture show -j'] },
    ],
  },
  {
    name: 'completion', about: 'print a shell completion script',
    usage: ['completion bash|zsh'],
    example: ['source <(sluice completion bash)'],
  },
  {
    name: 'daemon', about: 'run the switch in the foreground with the management API and metrics',
    usage: ['daemon [--state-dir DIR] [--config FILE] [--socket PATH] [--socket-mode MODE] [--socket-group GROUP]', '       [--allow-dir DIR]... [--metrics HOST:PORT|off] [--idle-spell-ms N] [--max-sleep-ms N] [--pool BUFFERS]', '       [--workers N [--worker-cpus LIST]] [--handover]'],
    args: [
      '--state-dir DIR     where the desired state is kept and saved before every API answer',
      '                    (default /var/lib/sluice as root, else $XDG_STATE_HOME/sluice or ~/.local/state/sluice)',
      '--config FILE       seeds an empty state directory; SIGHUP applies it again without removing',
      '                    what the API made (sluice apply --prune FILE removes what FILE does not list)',
      '--socket PATH       API socket (default /run/sluice/api.sock), mode --socket-mode (0600), group --socket-group',
      '--allow-dir DIR     callers other than root (and the daemon\'s own user) may name files and sockets only',
      '                    under these directories (repeatable; default: none); files made for them are theirs',
      '--metrics HOST:PORT Prometheus endpoint (default 127.0.0.1:9469; off disables it)',
      '--workers N         worker engines for the queue pairs of patched vhost-user ports (and their XDP programs), pinned to --worker-cpus',
      '--handover          take over the running daemon of --state-dir: its vhost-user connections, guest memory and',
      '                    ring indices pass to this process, which the guests do not notice; the old daemon exits',
    ],
    example: ['sluice daemon --socket /run/sluice/api.sock --socket-mode 0660 --socket-group sluice --allow-dir /srv/sluice'],
  },
  {
    name: 'demo', about: 'a built-in demo: generators through a bridge into a sink and a pcapng recorder (no root needed)',
    usage: ['demo [--duration SECONDS]'],
    args: ['--duration SECONDS  how long to run (default 3)'],
    example: ['sluice demo --duration 5'],
  },
  {
    name: 'device-plugin', about: 'kubelet device plugin advertising vhost-user and memif ports',
    usage: ['device-plugin [--vhost-user N] [--memif N] [--numa-nodes LIST] [--domain D] [--plugin-dir DIR] [--socket-dir DIR]', '       [--container-dir DIR] [--daemon-socket PATH] [--hugepages HOST[:CONTAINER]]... [--root DIR]'],
    args: ['--vhost-user N, --memif N  slots per NUMA node (default 8; 0 disables)', '--daemon-socket PATH       create each port through the daemon at Allocate'],
    example: ['sluice device-plugin --vhost-user 16 --memif 0 --daemon-socket /run/sluice/api.sock'],
  },
  {
    name: 'doctor', jsonFlag: true, about: 'check this host for hugepages, isolated CPUs, IOMMU, vfio-pci, SR-IOV and kernel features',
    usage: ['doctor [--root DIR] [-j|--json] [-p|--pretty]'],
    example: ['sluice doctor -p'],
  },
  {
    name: 'fdb', ctl: true, about: "a bridge's MAC table (ovs-appctl fdb/show)",
    usage: [],
    example: ['sluice fdb show br0'],
    subs: [
      { name: 'show', usage: ['fdb show BRIDGE'], about: 'port (OpenFlow number), VLAN, MAC and age of every learned entry', example: ['sluice fdb show br0 -p'] },
      { name: 'flush', usage: ['fdb flush BRIDGE'], about: 'forget every learned entry', example: ['sluice fdb flush br0'] },
    ],
  },
  {
    name: 'lacp', ctl: true, about: 'LACP (IEEE 802.1AX) of the bonds: actor and partner per member (ovs-appctl lacp/show)',
    usage: [],
    example: ['sluice lacp show bond0'],
    subs: [
      { name: 'show', usage: ['lacp show [BOND]'], about: 'status, system ID, key, and per member: receive status, attached, actor and partner system, port, key and state', example: ['sluice lacp show -j'] },
    ],
  },
  {
    name: 'flow', ctl: true, about: 'flow tables on bridges of type flow (ovs-ofctl grammar)',
    usage: [],
    example: ['sluice flow add fl0 "priority=10,in_port=vm1,actions=output:vm2"'],
    subs: [
      { name: 'add', usage: ['flow add BRIDGE FLOW'], about: 'add a flow (the grammar of ovs-ofctl add-flow; same match and priority replaces it)', example: ['sluice flow add fl0 "in_port=a,udp actions=output:b"'] },
      { name: 'mod', usage: ['flow mod BRIDGE FLOW [--strict]'], about: 'new actions for the flows the match covers (ovs-ofctl mod-flows; none: added)', example: ['sluice flow mod fl0 "in_port=a actions=normal"'] },
      { name: 'del', usage: ['flow del BRIDGE [MATCH] [--strict]'], about: 'remove the flows the match covers (ovs-ofctl del-flows), all without MATCH', example: ['sluice flow del fl0 in_port=a', 'sluice flow del fl0 --strict priority=10,ip'] },
      { name: 'trace', usage: ['flow trace BRIDGE FLOW'], about: 'the verdict for a described packet (ofproto/trace syntax), nothing sent', example: ['sluice flow trace fl0 in_port=1,udp,nw_dst=10.0.0.7,udp_dst=53'] },
      { name: 'dump', usage: ['flow dump BRIDGE [MATCH] [--names]'], about: 'the flows with their counters (ovs-ofctl dump-flows; --names: ports by name)', example: ['sluice flow dump fl0 -j', 'sluice flow dump fl0 tcp --names'] },
    ],
  },
  {
    name: 'pod-info', jsonFlag: true, about: 'inside a pod: CPUs, hugepages, Sluice ports and EAL arguments',
    usage: ['pod-info [--root DIR] [-j|--json] [-p|--pretty] [--eal]'],
    example: ['dpdk-testpmd $(sluice pod-info --eal) -- -i'],
  },
  {
    name: 'port', ctl: true, about: 'ports of the running daemon',
    usage: [],
    example: ['sluice port add vm1 type vhost-user path=/run/vm1.sock queues=2'],
    subs: [
      {
        name: 'add', usage: ['port add NAME type KIND [path=PATH] [server|client] [key=value...]', 'port add NAME SPEC'],
        about: 'add a port; the words after type KIND make the port spec (path=/file=/dev= is its argument), or give one SPEC as for switch --port',
        example: ['sluice port add vm1 type vhost-user path=/run/vm1.sock queues=2', 'sluice port add rec pcap:/srv/in.pcap,out=/srv/out.pcapng'],
      },
      { name: 'del', usage: ['port del NAME'], about: 'remove a port (only what it created goes away)', example: ['sluice port del vm1'] },
      { name: 'show', aliases: ['list'], usage: ['port show [NAME]'], about: 'ports with their counters', example: ['sluice port show -p'] },
    ],
    more: PORT_KINDS,
  },
  {
    name: 'profile', ctl: true, about: 'CPU profile of the daemon\'s engine thread (V8 .cpuprofile)',
    usage: ['profile --seconds N [-o FILE.cpuprofile]'],
    args: ['--seconds N   how long to record (at most 600)', '-o FILE       where to write it (default sluice-TIME.cpuprofile); checked before recording'],
    example: ['sluice profile --seconds 5 -o /tmp/engine.cpuprofile'],
  },
  {
    name: 'route', ctl: true, about: 'L3 routers: interfaces and routes (iproute2 grammar)',
    usage: [],
    example: ['sluice route iface add vm1 mac 02:00:00:00:00:01 ipv4 10.0.0.1/24'],
    subs: [
      { name: 'add', usage: ['route add PREFIX [via GW] [dev PORT] [router R]'], about: 'add a route (the grammar of ip route: via, dev)', example: ['sluice route add 10.1.0.0/16 via 10.0.0.2'] },
      { name: 'del', usage: ['route del PREFIX [router R]'], about: 'remove a route', example: ['sluice route del 10.1.0.0/16'] },
      { name: 'show', usage: ['route show [router=R]'], about: 'routers, interfaces and routes', example: ['sluice route show -p'] },
      { name: 'iface', usage: ['route iface add PORT mac=MAC [ipv4=A/LEN] [ipv6=A/LEN] [mtu=N] [router=R]', 'route iface del PORT [router=R]'], about: 'router interfaces (the first one creates the router)', example: ['sluice route iface add vm1 mac=02:00:00:00:00:01 ipv4=10.0.0.1/24'] },
    ],
  },
  {
    name: 'run', about: 'run a YAML config (apps, links, engines) and print a JSON summary',
    usage: ['run CONFIG.yaml [--duration SECONDS] [--stats SECONDS] [--json FILE]'],
    args: ['--duration SECONDS  stop after this long (default: the config\'s duration, else until SIGINT/SIGTERM)', '--stats SECONDS     print per-port counters on stderr this often', '--json FILE         write the summary to FILE instead of stdout (its directory must exist)'],
    example: ['sluice run examples/policer/policer.yaml --duration 5'],
  },
  {
    name: 'show', ctl: true, about: 'the running desired state (YAML that apply reads) and shortcuts to the other verbs\' show',
    usage: ['show config|ports|bridges|routes|captures|stats'],
    example: ['sluice show config > state.yaml'],
  },
  {
    name: 'stats', ctl: true, about: 'counters of every port (or one), drops by reason, engine and pool; or an HTML report of rates',
    usage: ['stats [PORT]', 'stats --plot FILE.html [--seconds N] [--interval S]'],
    args: ['--plot FILE.html  sample for --seconds (default 10) every --interval (default 1) and write charts; the directory must exist'],
    example: ['sluice stats vm1 -j', 'sluice stats --plot /tmp/report.html --seconds 30'],
  },
  {
    name: 'switch', about: 'a quick switch with ports from the command line (as testpmd --vdev)',
    usage: ['switch --port SPEC [--port SPEC...] [--mode patch|bridge] [--stats SECONDS] [--json FILE] [--duration SECONDS]', '       [--pool BUFFERS] [--idle-spell MS | --busy-poll] [--workers N [--cpus LIST]]', '       [--capture PORT:FILE.pcapng[,dir=rx|tx|both][,filter=EXPR]]...', '       [--bpf PORT:FILE.o[,section=NAME][,program=NAME]]...'],
    args: ['--bpf PORT:FILE.o     run an XDP program (clang -target bpf) on what PORT receives', '--mode patch|bridge  patch joins ports 1-2, 3-4...; bridge joins all to a learning bridge', '--json FILE          write the summary there (its directory must exist)', '--workers N          spread vhost-user queue pairs over N pinned engines (--cpus 2-3)'],
    example: ['sluice switch --port gen:size=64,flows=16 --port sink --duration 5'],
    more: PORT_KINDS,
  },
  {
    name: 'top', ctl: true, about: 'live rates per port, drops per reason, engine load and ns/packet per app',
    usage: ['top [--interval SECONDS] [--once]'],
    example: ['sluice top --once -j'],
  },
  {
    name: 'trace', ctl: true, about: 'follow packets through every app: the decision each took and its cost',
    usage: [],
    example: ['sluice trace add vm1 10 icmp && sluice trace show'],
    subs: [
      { name: 'add', usage: ['trace add PORT N [FILTER...] [--wait [--timeout S]]'], about: 'arm a trace of the next N packets entering at PORT (matching FILTER); returns once armed, --wait waits for the packets (exit 4 after --timeout, default 10 s)', example: ['sluice trace add vm1 2 icmp', 'sluice trace add vm1 5 udp and dst port 53 --wait'] },
      { name: 'show', usage: ['trace show [ID]'], about: 'traces and the packets they followed', example: ['sluice trace show 1'] },
      { name: 'del', usage: ['trace del [ID]'], about: 'remove one trace or all', example: ['sluice trace del'] },
    ],
  },
  {
    name: 'vdpa', ctl: true, about: 'vhost-user ports as vDPA devices, in the words and -j keys of iproute2\'s vdpa',
    usage: [],
    example: ['sluice vdpa dev add name vm1 mgmtdev sluice mac 52:54:00:00:00:01 mtu 1400 max_vqp 1'],
    subs: [
      { name: 'mgmtdev', usage: ['vdpa mgmtdev show [sluice]'], about: 'the management device: classes, queues, features it can offer', example: ['sluice vdpa mgmtdev show -j'] },
      {
        name: 'dev',
        usage: ['vdpa dev add name NAME mgmtdev sluice [mac MAC] [mtu MTU] [max_vqp N] [path SOCK] [client]', 'vdpa dev del NAME',
          'vdpa dev show [NAME] [--qemu [--mem MiB] [--accel kvm|tcg]]', 'vdpa dev config show [NAME]', 'vdpa dev vstats show NAME qidx I'],
        about: 'devices (vhost-user ports): mac is enforced (other source MACs are dropped as spoofed), mtu offered as VIRTIO_NET_F_MTU; --qemu prints the QEMU options that attach a guest',
        example: ['sluice vdpa dev show vm1 --qemu', 'sluice vdpa dev config show -j', 'sluice vdpa dev vstats show vm1 qidx 1'],
      },
    ],
  },
];

export function verb(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name);
}

export function subCommand(v: Verb, name: string | undefined): SubCommand | undefined {
  return name === undefined ? undefined : v.subs?.find((s) => s.name === name || s.aliases?.includes(name));
}

function usageLines(v: Verb, s?: SubCommand): string[] {
  const lines = s ? s.usage : v.subs ? v.subs.flatMap((x) => x.usage) : v.usage;
  return lines.map((l) => (l.startsWith(' ') ? l : `sluice ${l}`));
}

/** `usage: sluice ...` for a usage error (the first usage line of the verb or subcommand). */
export function usage(verbName: string, subName?: string): string {
  const v = verb(verbName)!;
  const [first, ...rest] = usageLines(v, subCommand(v, subName));
  return `usage: ${first}${rest.filter((l) => !l.startsWith(' ')).map((l) => ` | ${l}`).join('')}`;
}

/** The full --help text of a verb, or of one of its subcommands. */
export async function helpText(v: Verb, s?: SubCommand): Promise<string> {
  const lines = usageLines(v, s);
  const out = [`usage: ${lines[0]}`, ...lines.slice(1).map((l) => `       ${l}`), '', s ? s.about : v.about];
  if (!s && v.subs) out.push('', 'subcommands:', ...v.subs.map((x) => `  ${[x.name, ...(x.aliases ?? [])].join('|').padEnd(14)} ${x.about}`));
  if (!s && v.args) out.push('', 'arguments:', ...v.args.map((a) => `  ${a}`));
  out.push('', 'example:', ...(s ? s.example : v.example).map((e) => `  ${e}`));
  if (v.ctl) out.push('', GLOBAL_HELP);
  if (v.more && (!s || s.name === 'add')) out.push('', await v.more());
  if (!s && v.subs) out.push('', `sluice ${v.name} SUBCOMMAND --help shows one subcommand`);
  return out.join('\n');
}

/** `sluice --help`: every verb with one line. */
export function overview(version: string): string {
  const w = Math.max(...VERBS.map((v) => v.name.length));
  return [`sluice ${version}: a userspace virtual switch and NFV dataplane`, '', 'usage: sluice [-j|-p] [--socket PATH] VERB [ARGS] [--help]', '', 'verbs:',
    ...VERBS.map((v) => `  ${v.name.padEnd(w)}  ${v.about}`), '', GLOBAL_HELP, 'sluice VERB --help shows its arguments and an example; sluice --version prints the version; sluice help --man prints the man page',
    'exit codes: 0 ok, 1 refused, 2 usage, 3 no daemon, 4 timeout, 5 permission denied on the API socket'].join('\n');
}
