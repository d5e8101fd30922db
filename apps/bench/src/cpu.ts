/*
 * Where the machine's processor time went during a load phase, read from /proc (Linux): the share of all cores'
 * time that was busy, and the share each kind of process took, so a throughput that stops growing with more API
 * processes can be told apart from a machine that had no core left to give them.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Shares of all cores' time over the phase, 0–1 each. */
export interface CpuShares {
  busy: number;
  api: number;
  postgres: number;
  loadGenerator: number;
}

interface Snapshot {
  /** Every core's ticks, and the idle ones (idle + iowait). */
  total: number;
  idle: number;
  /** Ticks (user + system) by process id, with the process's command name and parent. */
  processes: Map<number, { ticks: number; comm: string; parent: number }>;
}

function snapshot(): Snapshot {
  const cpu = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").split(/\s+/).slice(1).map(Number);
  const processes = new Map<number, { ticks: number; comm: string; parent: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (comm) state ppid …": the command name may hold spaces, so the fields are read after its last ")".
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    processes.set(Number(entry), {
      comm: stat.slice(stat.indexOf("(") + 1, close),
      parent: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return {
    total: cpu.slice(0, 8).reduce((a, b) => a + (b ?? 0), 0),
    idle: (cpu[3] ?? 0) + (cpu[4] ?? 0),
    processes,
  };
}

/** The ids of `root` and every process below it. */
function tree(processes: Snapshot["processes"], root: number): Set<number> {
  const ids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, p] of processes) {
      if (!ids.has(id) && ids.has(p.parent)) {
        ids.add(id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Runs `phase` and returns its result with the processor shares over it; the API is `apiRoot`'s process tree. */
export async function withCpuShares<T>(apiRoot: number, phase: () => Promise<T>): Promise<[T, CpuShares]> {
  const before = snapshot();
  const result = await phase();
  const after = snapshot();
  const total = after.total - before.total;
  const api = tree(after.processes, apiRoot);
  const used = (pick: (id: number, comm: string) => boolean) => {
    let ticks = 0;
    for (const [id, p] of after.processes) {
      if (pick(id, p.comm)) ticks += p.ticks - (before.processes.get(id)?.ticks ?? 0);
    }
    return total > 0 ? ticks / total : 0;
  };
  return [
    result,
    {
      busy: total > 0 ? (total - (after.idle - before.idle)) / total : 0,
      api: used((id) => api.has(id)),
      postgres: used((_, comm) => comm === "postgres"),
      loadGenerator: used((id) => id === process.pid),
    },
  ];
}
