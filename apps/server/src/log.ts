export type LogLevel = 'silent' | 'error' | 'warn' | 'info';
export type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

const RANK: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3 };

/**
 * One-line JSON logs. Callers pass ids and counts only: never tokens, display names or note
 * text (personal data stays out of logs).
 */
export function createLog(level: LogLevel): Log {
  return (lvl, msg, fields) => {
    if (RANK[lvl] > RANK[level]) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...fields });
    (lvl === 'info' ? process.stdout : process.stderr).write(line + '\n');
  };
}
