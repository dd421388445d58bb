import pino, { type DestinationStream } from 'pino';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info';
export type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

/**
 * Field names that could ever carry personal data or secrets. Callers pass ids and counts only;
 * this is the net under that rule, so a slip (a whole request, a participant object) never writes
 * a name, a note's words or a token into a log. Matched at the top and one level down.
 */
export const REDACTED_FIELDS = [
  'token',
  'displayName',
  'name',
  'email',
  'text',
  'words',
  'authorization',
  'cookie',
] as const;

const REDACT_PATHS = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.headers.${f}`]);

export interface LogStreams {
  /** Where info lines go (default: stdout). */
  out?: DestinationStream;
  /** Where warn and error lines go (default: stderr). */
  err?: DestinationStream;
}

/**
 * One JSON line per entry ({"level":"info","time":"…","pid":…,"msg":"…",…fields}): info on stdout,
 * warn and error on stderr, as process managers and container logs expect. Writes are synchronous,
 * so the last lines before `process.exit` are not lost.
 */
export function createLog(level: LogLevel, streams: LogStreams = {}): Log {
  const out = streams.out ?? pino.destination({ dest: 1, sync: true });
  const err = streams.err ?? pino.destination({ dest: 2, sync: true });
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    // dedupe: a line goes only to the stream of the highest level it reaches (warn: stderr alone).
    pino.multistream(
      [
        { level: 'info', stream: out },
        { level: 'warn', stream: err },
      ],
      { dedupe: true },
    ),
  );
  return (lvl, msg, fields) => logger[lvl](fields ?? {}, msg);
}
