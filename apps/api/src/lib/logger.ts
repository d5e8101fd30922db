const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** JSON lines on stdout: one object per event, easy to ship and to grep; `pid` tells a cluster's processes apart. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l),
): Logger {
  const log = (at: Exclude<LogLevel, "silent">) => (fields: Record<string, unknown>, message: string) => {
    if (levels[at] < levels[level]) return;
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level: at, pid: process.pid, message, ...fields })}\n`,
    );
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
