import type { CDPSession, Page } from '@playwright/test';

/** The weak phone connection of issue 14: 400 kbit/s both ways, 400 ms round trip. */
export const SLOW_NETWORK = { latency: 400, kbitPerSecond: 400, bytesPerSecond: (400 * 1000) / 8 };

export interface Throttle {
  /** Emulation.setCPUThrottlingRate; 1 is the machine's own speed. */
  cpuRate: number;
  /** Sends `Accept-Encoding: identity`, to see the same pages served uncompressed. */
  identity: boolean;
  /**
   * Where the slow network comes from: `proxy`, a link in front of the server that delays every
   * byte (`./link`, the default), or `cdp`, Chromium's emulation, which delays HTTP requests only
   * (figures recorded before 2026-12-01 evening were taken that way).
   */
  link: 'proxy' | 'cdp';
}

/** What one page load moved: JavaScript as it came over the wire (compressed when it was). */
export interface Transfer {
  /** Response bodies of scripts as transferred, without headers: what compression can shrink. */
  jsBytes: number;
  jsFiles: number;
  /** Every response's bytes on the wire, headers included: HTML, CSS, JSON and JS together. */
  allBytes: number;
  /** Script responses that carried a Content-Encoding. */
  jsEncoded: number;
}

/**
 * Applies the CPU throttle (and with `link: 'cdp'` the slow network) to a page through CDP and
 * counts what it downloads.
 * Bytes are CDP's `encodedDataLength` (as transferred, so compression shows); a script's body is
 * its total less what had arrived with the response head.
 */
export async function instrument(
  page: Page,
  throttle: Throttle,
): Promise<{ cdp: CDPSession; take(): Transfer }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle.link === 'cdp') {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_NETWORK.latency,
      downloadThroughput: SLOW_NETWORK.bytesPerSecond,
      uploadThroughput: SLOW_NETWORK.bytesPerSecond,
    });
  }
  if (throttle.cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpuRate });
  if (throttle.identity)
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });

  const scripts = new Map<string, { encoded: boolean; head: number }>();
  let transfer: Transfer = { jsBytes: 0, jsFiles: 0, allBytes: 0, jsEncoded: 0 };
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script') return;
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    scripts.set(e.requestId, {
      encoded: !!encoding && encoding[1] !== 'identity',
      head: e.response.encodedDataLength,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    transfer.allBytes += e.encodedDataLength;
    const script = scripts.get(e.requestId);
    if (script === undefined) return;
    transfer.jsBytes += e.encodedDataLength - script.head;
    transfer.jsFiles += 1;
    if (script.encoded) transfer.jsEncoded += 1;
  });
  return {
    cdp,
    /** What was counted since the last take, then starts counting afresh. */
    take() {
      const taken = transfer;
      transfer = { jsBytes: 0, jsFiles: 0, allBytes: 0, jsEncoded: 0 };
      return taken;
    },
  };
}
