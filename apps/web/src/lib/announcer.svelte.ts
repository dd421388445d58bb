/**
 * One polite live region per page: things that change on their own (someone joins, the board is
 * locked, a note was saved) are said without moving focus. Rendered by `LiveAnnouncer.svelte`.
 */
export class Announcer {
  message = $state('');
  #pending: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  announce(text: string): void {
    // Sentences that arrive together are read together; clearing first means the same sentence
    // twice in a row is still read out.
    this.#pending.push(text);
    if (this.#timer !== undefined) return;
    this.message = '';
    this.#timer = setTimeout(() => {
      this.message = this.#pending.join(' ');
      this.#pending = [];
      this.#timer = undefined;
    }, 100);
  }
}
