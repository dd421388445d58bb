/**
 * The soft "time is up" sound: off unless the person switches it on (kept on this device), and
 * made with Web Audio on the spot, so there is no file to fetch.
 */
export const SOUND_KEY = 'kring:sound';

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): KeyValue | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSoundOn(store: KeyValue | null = storage()): boolean {
  try {
    return store?.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveSoundOn(on: boolean, store: KeyValue | null = storage()): void {
  try {
    if (on) store?.setItem(SOUND_KEY, 'on');
    else store?.removeItem(SOUND_KEY);
  } catch {
    // storage refused: the choice holds for this page only
  }
}

let context: AudioContext | null = null;

/**
 * Browsers only let a page make sound after the person did something on it; call this from the
 * click that switches sound on so the chime can play later without one.
 */
export function prepareSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null;
  }
}

/** Two soft falling sine notes, a little over a second, quiet. */
export function playChime(): void {
  prepareSound();
  const ctx = context;
  if (!ctx) return;
  const start = ctx.currentTime + 0.05;
  for (const [offset, freq] of [
    [0, 660],
    [0.45, 495],
  ] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t = start + offset;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.12, t + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 1);
  }
}
