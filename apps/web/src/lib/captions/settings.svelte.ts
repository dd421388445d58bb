import { type CaptionPrefs, type CaptionSize, parsePrefs, PREFS_KEY, serializePrefs } from './settings';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // privacy settings: the choices last for this page only
  }
}

/** One person's caption choices on this device, remembered between visits. */
export class CaptionSettings {
  on = $state(true);
  size = $state<CaptionSize>('medium');
  readAloud = $state(false);
  readonly #key: string;

  constructor(key = PREFS_KEY) {
    this.#key = key;
    let raw: string | null = null;
    try {
      raw = storage()?.getItem(key) ?? null;
    } catch {
      // unreadable: the defaults
    }
    const prefs = parsePrefs(raw);
    this.on = prefs.on;
    this.size = prefs.size;
    this.readAloud = prefs.readAloud;
  }

  set(change: Partial<CaptionPrefs>): void {
    if (change.on !== undefined) this.on = change.on;
    if (change.size !== undefined) this.size = change.size;
    if (change.readAloud !== undefined) this.readAloud = change.readAloud;
    try {
      storage()?.setItem(
        this.#key,
        serializePrefs({ on: this.on, size: this.size, readAloud: this.readAloud }),
      );
    } catch {
      // quota: forgetting is harmless
    }
  }
}
