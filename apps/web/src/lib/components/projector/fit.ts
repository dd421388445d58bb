/**
 * Shrinks what is inside `node` (its first element, by CSS zoom) until it fits the box without
 * scrolling: nobody scrolls a projector. Text reflows at each size, so a board keeps its columns.
 * Never below `min`; past that the box clips. `node` must have a size of its own (a grid cell with
 * `min-height: 0; overflow: hidden`): where it grows with its content it always fits, at full size.
 */
export function fit(node: HTMLElement, min = 0.4) {
  let frame = 0;
  const fits = () => node.scrollHeight <= node.clientHeight + 1 && node.scrollWidth <= node.clientWidth + 1;

  function measure() {
    frame = 0;
    const inner = node.firstElementChild;
    if (!(inner instanceof HTMLElement)) return;
    inner.style.zoom = '1';
    if (fits()) return;
    // Binary search: seven steps get within 1% of the largest size that fits.
    let low = min;
    let high = 1;
    for (let i = 0; i < 7; i++) {
      const mid = (low + high) / 2;
      inner.style.zoom = String(mid);
      if (fits()) low = mid;
      else high = mid;
    }
    inner.style.zoom = String(low);
  }

  // Once per frame at most, however many notes arrive at once.
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  // The box's own size (a window resize); the zoom set here changes only what is inside it.
  const resize = new ResizeObserver(schedule);
  resize.observe(node);
  // New notes, a new speaker, a longer prompt: attribute changes (the zoom itself) are left out.
  const changes = new MutationObserver(schedule);
  changes.observe(node, { childList: true, subtree: true, characterData: true });
  schedule();

  return {
    destroy() {
      resize.disconnect();
      changes.disconnect();
      cancelAnimationFrame(frame);
    },
  };
}
