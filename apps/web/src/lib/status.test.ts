import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { describe, expect, it } from 'vitest';
import { overallStatus, STATUS_LABEL } from './status';

describe('overallStatus', () => {
  it('is connected only when both channels are', () => {
    expect(overallStatus('connected', 'connected')).toBe('connected');
    expect(overallStatus('connected', null)).toBe('connected');
    expect(overallStatus('connected', 'connecting')).toBe('connecting');
    expect(overallStatus('connecting', 'connected')).toBe('connecting');
  });

  it('says reconnecting when either channel dropped after being up', () => {
    expect(overallStatus('reconnecting', 'connected')).toBe('reconnecting');
    expect(overallStatus('connected', 'reconnecting')).toBe('reconnecting');
    expect(STATUS_LABEL.reconnecting).toBe('Reconnecting…');
  });

  it('is offline after a refusal', () => {
    expect(overallStatus('refused', 'connected')).toBe('offline');
    expect(overallStatus('connected', 'closed')).toBe('offline');
  });

  it('names the status in the page language each time it is read', () => {
    const before = getLocale;
    try {
      overwriteGetLocale(() => 'nl');
      expect(STATUS_LABEL.offline).toBe('Geen verbinding');
      overwriteGetLocale(() => 'fr');
      expect(STATUS_LABEL.connecting).toBe('Connexion en cours…');
    } finally {
      overwriteGetLocale(before);
    }
    expect(STATUS_LABEL.connected).toBe('Connected');
  });
});
