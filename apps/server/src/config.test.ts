import { describe, expect, it } from 'vitest';
import { clusterSettingsOf, loadConfig, mailSettingsOf } from './config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
  });

  it('trusts no proxy unless TRUST_PROXY says so', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY must be true or false/);
  });

  it('names every bad setting in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', KRING_SECRET: 'short', PUBLIC_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*KRING_SECRET: KRING_SECRET must be at least 32 characters[\s\S]*PUBLIC_URL/,
    );
  });

  it('sends no mail unless SMTP_URL is set, and then needs MAIL_FROM', () => {
    expect(mailSettingsOf(loadConfig({}))).toBeUndefined();
    const env = {
      SMTP_URL: 'smtp://kring:secret@mail.example.org:587',
      MAIL_FROM: 'Kring <kring@example.org>',
    };
    expect(mailSettingsOf(loadConfig(env))).toEqual({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
    expect(() => loadConfig({ SMTP_URL: env.SMTP_URL })).toThrow(/MAIL_FROM: MAIL_FROM is needed/);
    expect(() => loadConfig({ ...env, SMTP_URL: 'https://mail.example.org' })).toThrow(/smtp:\/\//);
  });

  it('keeps to SQLite unless DATABASE_URL names a PostgreSQL database, and names a bad one', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    for (const url of ['postgres://kring:secret@db.example.org:5432/kring', 'postgresql://localhost/kring']) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    expect(() => loadConfig({ DATABASE_URL: 'mysql://kring:secret@db/kring' })).toThrow(
      /DATABASE_URL: DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//,
    );
    expect(() => loadConfig({ DATABASE_URL: 'kring on the db server' })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a URL/,
    );
    // The password is never echoed.
    expect(() => loadConfig({ DATABASE_URL: 'mysql://kring:hunter22@db/kring' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter22') }),
    );
  });

  it('runs one node unless REDIS_URL is set, and then needs DATABASE_URL', () => {
    expect(clusterSettingsOf(loadConfig({}))).toBeUndefined();
    const db = { DATABASE_URL: 'postgres://kring@db.example.org/kring' };
    expect(clusterSettingsOf(loadConfig({ ...db, REDIS_URL: 'redis://cache:6379' }))).toEqual({
      url: 'redis://cache:6379',
    });
    expect(
      clusterSettingsOf(loadConfig({ ...db, REDIS_URL: 'rediss://:pw@cache:6380', REDIS_PREFIX: 'summit:' })),
    ).toEqual({ url: 'rediss://:pw@cache:6380', prefix: 'summit:' });
    // SQLite is one machine's file: several nodes are refused at start, with what to do.
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(
      /REDIS_URL: several nodes \(REDIS_URL\) need one shared PostgreSQL database: set DATABASE_URL too/,
    );
    expect(() => loadConfig({ ...db, REDIS_URL: 'http://cache:6379' })).toThrow(
      /REDIS_URL: REDIS_URL must start with redis:\/\/ or rediss:\/\//,
    );
    expect(() => loadConfig({ ...db, REDIS_URL: 'redis://:hunter22@cache' })).not.toThrow();
    expect(() => loadConfig({ ...db, REDIS_URL: 'ftp://:hunter22@cache' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter22') }),
    );
  });
});
