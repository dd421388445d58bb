import type { Transporter } from 'nodemailer';
import type { Log } from '../log';

/** SMTP settings from the server config (SMTP_URL, MAIL_FROM); without them Kring sends no mail. */
export interface MailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  smtpUrl: string;
  /** The sender, e.g. `Kring <kring@example.org>`. */
  from: string;
  /** Waits before each retry after a failed send (default 1 s, 30 s, 5 min). */
  retryDelaysMs?: readonly number[];
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A calendar file sent along (the meeting's .ics). */
  calendar?: { filename: string; content: string };
  /** For the log: what kind of mail this is (never who it is for). */
  kind: string;
}

/** Where mail goes: the SMTP mailer, or nowhere when none is configured. */
export interface MailOut {
  send(message: MailMessage): void;
  /** Resolves when nothing is being sent or waiting for a retry (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

export const noMail: MailOut = { send: () => {}, idle: async () => {}, close: () => {} };

const DEFAULT_RETRIES = [1_000, 30_000, 300_000] as const;

/**
 * Sends mail over SMTP in the background: `send` never waits and never throws, so nothing a
 * person does fails because mail did (CI21). A failed send is tried again a few times; failures
 * are logged with the kind of mail and the SMTP error code only — never the address, which an
 * SMTP error message may quote.
 */
export class SmtpMailer implements MailOut {
  /** nodemailer is loaded with the first mailer, not with the server (issue 14: a start's time). */
  private readonly transport: Promise<Transporter>;
  private readonly delays: readonly number[];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private pending = 0;
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly settings: MailSettings,
    private readonly log: Log,
  ) {
    this.transport = import('nodemailer').then((m) => m.default.createTransport(settings.smtpUrl));
    // A transport that cannot be made fails each send (logged there), never the process.
    this.transport.catch(() => {});
    this.delays = settings.retryDelaysMs ?? DEFAULT_RETRIES;
  }

  send(message: MailMessage): void {
    if (this.closed) return;
    this.pending++;
    void this.attempt(message, 0);
  }

  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending = 0;
    this.settle();
    this.transport.then((t) => t.close()).catch(() => {});
  }

  private async attempt(message: MailMessage, tried: number): Promise<void> {
    try {
      const transport = await this.transport;
      await transport.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.calendar
          ? {
              attachments: [
                {
                  filename: message.calendar.filename,
                  content: message.calendar.content,
                  contentType: 'text/calendar; charset=utf-8',
                },
              ],
            }
          : {}),
      });
      this.done();
    } catch (err) {
      if (this.closed) return;
      const code =
        (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code;
      const delay = this.delays[tried];
      if (delay === undefined) {
        this.log('error', 'mail not sent', {
          kind: message.kind,
          attempts: tried + 1,
          code: String(code ?? ''),
        });
        this.done();
        return;
      }
      this.log('warn', 'mail failed, trying again', {
        kind: message.kind,
        attempt: tried + 1,
        code: String(code ?? ''),
      });
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(message, tried + 1);
      }, delay);
      this.timers.add(timer);
    }
  }

  private done(): void {
    this.pending = Math.max(0, this.pending - 1);
    this.settle();
  }

  private settle(): void {
    if (this.pending > 0) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

export function mailerFor(settings: MailSettings | undefined, log: Log): MailOut {
  return settings ? new SmtpMailer(settings, log) : noMail;
}
