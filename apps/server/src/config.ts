import * as z from 'zod';

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Signing secret for tokens; when unset one is generated and kept under DATA_DIR. */
    KRING_SECRET: z.string().min(32, 'KRING_SECRET must be at least 32 characters').optional(),
    /** Where the SvelteKit build lives; the server serves it when present. */
    WEB_BUILD_DIR: z.string().min(1).optional(),
    /** The public origin used in links (e.g. https://kring.example.org); defaults to the request's own. */
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info']).default('info'),
    /**
     * Behind one reverse proxy (nginx, Caddy): rate limits count the client's address from the last
     * X-Forwarded-For entry. Off by default, since without a proxy anyone could send that header.
     */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'], 'TRUST_PROXY must be true or false')
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /**
     * Optional SMTP server for registration mails (`smtp://user:pass@host:587`, `smtps://…:465`).
     * Unset: Kring sends no mail and registration works without it.
     */
    SMTP_URL: z
      .url()
      .refine((v) => /^smtps?:\/\//.test(v), 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    /** The sender of those mails, e.g. `Kring <kring@example.org>`; needed with SMTP_URL. */
    MAIL_FROM: z.string().min(3).optional(),
    /** Issue 17: GET /metrics asks for this bearer token; unset, it answers this machine only. */
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
    /**
     * Issue 17: on SIGTERM, how long /api/ready answers 503 before the server stops accepting
     * connections, so a load balancer moves people to another node first (0: stop at once).
     */
    SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(0),
    /**
     * Issue 17: keep everything in PostgreSQL (`postgres://user:pass@host:5432/kring`) instead of
     * the SQLite file under DATA_DIR, the default. The messages never repeat the value (a password).
     */
    DATABASE_URL: z
      .url('DATABASE_URL must be a URL such as postgres://user@host:5432/kring')
      .refine(
        (v) => /^postgres(ql)?:\/\//.test(v),
        'DATABASE_URL must start with postgres:// or postgresql://',
      )
      .optional(),
    /**
     * Issue 17: several nodes share this Redis (`redis://host:6379`, `rediss://…` with TLS): the
     * socket.io adapter, session events, presence. Unset: one node, nothing shared. The messages
     * never repeat the value (a password).
     */
    REDIS_URL: z
      .url('REDIS_URL must be a URL such as redis://host:6379')
      .refine((v) => /^rediss?:\/\//.test(v), 'REDIS_URL must start with redis:// or rediss://')
      .optional(),
    /** Issue 17: what every Redis key and channel of this installation starts with (default `kring:`). */
    REDIS_PREFIX: z.string().min(1).max(100).optional(),
  })
  .refine((env) => !env.SMTP_URL || env.MAIL_FROM, {
    message: 'MAIL_FROM is needed when SMTP_URL is set',
    path: ['MAIL_FROM'],
  })
  .refine((env) => !env.REDIS_URL || env.DATABASE_URL, {
    // The SQLite file is one machine's: a second node would see none of it.
    message: 'several nodes (REDIS_URL) need one shared PostgreSQL database: set DATABASE_URL too',
    path: ['REDIS_URL'],
  });

export type Config = z.infer<typeof Env>;

/** Reads settings from the environment; throws one readable message naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The Redis several nodes share, for `startKring` (undefined: this is the only node). */
export function clusterSettingsOf(config: Config): { url: string; prefix?: string } | undefined {
  if (!config.REDIS_URL) return undefined;
  return { url: config.REDIS_URL, ...(config.REDIS_PREFIX ? { prefix: config.REDIS_PREFIX } : {}) };
}

/** The mail settings for `startKring` (undefined: no mail). */
export function mailSettingsOf(config: Config): { smtpUrl: string; from: string } | undefined {
  return config.SMTP_URL && config.MAIL_FROM
    ? { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }
    : undefined;
}
