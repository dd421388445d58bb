import type { ActionReturn } from 'svelte/action';
import { beforeAt, edgeSpeed, gapIndex, passedThreshold } from './placing';

/**
 * Dragging a note with a mouse, pen or finger (Pointer Events, no library: the lists are read from
 * a shared document and paged, so a drop must become one board call, not a change to an array).
 *
 * The DOM it works with, set by the board components:
 * - the note: `li[data-note="<id>"]`, with this action on it;
 * - its handle: `[data-drag-handle]` (CSS `touch-action: none`, so a finger on it drags instead of
 *   scrolling); a mouse may also drag from the card itself, never from its buttons or fields;
 * - drop containers: `[data-drop="column:<id>" | "group:<id>"]` (the innermost one under the pointer
 *   wins), whose own notes are the `li[data-note]` closest to them; a paged list says which note
 *   comes after its last shown one in `data-next-hidden`;
 * - the horizontally scrolling wall: `[data-wall]` (scrolled near its edges while dragging).
 *
 * A press becomes a drag after a few pixels (a tap or click stays one); Escape or a cancelled
 * pointer ends it without a move. The keyboard path (the note's menu) does the same moves.
 */
export interface DragOptions {
  noteId: string;
  enabled: boolean;
  /** One drop over a list: its key (`column:<id>` / `group:<id>`) and the note to sit before (null: the end). */
  onDrop: (key: string, before: string | null) => void;
}

const INTERACTIVE = 'button, a, input, textarea, select, label, summary, [contenteditable], [role="menu"]';

interface Drop {
  key: string;
  before: string | null;
}

export function dragNote(node: HTMLElement, initial: DragOptions): ActionReturn<DragOptions> {
  let options = initial;
  let press: { id: number; x: number; y: number } | null = null;
  let active = false;
  let ghost: HTMLElement | null = null;
  let marker: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let drop: Drop | null = null;
  let pointer = { x: 0, y: 0 };
  let frame = 0;

  function onPointerDown(event: PointerEvent) {
    if (!options.enabled || press || event.button !== 0 || !event.isPrimary) return;
    const target = event.target as Element | null;
    if (!target) return;
    const onHandle = target.closest('[data-drag-handle]') !== null;
    // A finger drags from the handle only: anywhere else it scrolls the page as usual.
    if (!onHandle && (event.pointerType !== 'mouse' || target.closest(INTERACTIVE))) return;
    if (onHandle) event.preventDefault();
    press = { id: event.pointerId, x: event.clientX, y: event.clientY };
    window.addEventListener('pointermove', onPointerMove, { passive: false });
    window.addEventListener('pointerup', onPointerUp);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', onKeyDown, true);
  }

  function onPointerMove(event: PointerEvent) {
    if (!press || event.pointerId !== press.id) return;
    pointer = { x: event.clientX, y: event.clientY };
    if (!active) {
      if (!passedThreshold(pointer.x - press.x, pointer.y - press.y)) return;
      start();
    }
    event.preventDefault();
    track();
  }

  function start() {
    active = true;
    const rect = node.getBoundingClientRect();
    ghost = node.cloneNode(true) as HTMLElement;
    // The copy only shows where the note travels: no ids (they would repeat), not read out.
    ghost.removeAttribute('id');
    for (const el of ghost.querySelectorAll('[id]')) el.removeAttribute('id');
    ghost.setAttribute('aria-hidden', 'true');
    ghost.classList.add('drag-ghost');
    Object.assign(ghost.style, {
      position: 'fixed',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      margin: '0',
      zIndex: '1000',
      pointerEvents: 'none',
      listStyle: 'none',
      contentVisibility: 'visible',
      boxShadow: '0 8px 24px rgb(0 0 0 / 0.25)',
    });
    document.body.append(ghost);
    marker = document.createElement('div');
    marker.className = 'drop-marker';
    marker.setAttribute('aria-hidden', 'true');
    Object.assign(marker.style, {
      position: 'fixed',
      height: '4px',
      borderRadius: '2px',
      background: '#1d4f9c',
      zIndex: '1001',
      pointerEvents: 'none',
      display: 'none',
    });
    document.body.append(marker);
    node.dataset.dragging = 'true';
    document.body.style.userSelect = 'none';
    // A text selection begun by the press goes; a caret in a field (a collapsed selection) stays,
    // or the browser would scroll that field back into view.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) selection.removeAllRanges();
    frame = requestAnimationFrame(autoscroll);
  }

  /** Follows the pointer: moves the copy, finds the list and gap under it, draws the marker. */
  function track() {
    if (!ghost || !marker) return;
    ghost.style.transform = `translate(${pointer.x - press!.x}px, ${pointer.y - press!.y}px) rotate(1.5deg)`;
    const hit = document.elementFromPoint(pointer.x, pointer.y);
    const next = hit?.closest<HTMLElement>('[data-drop]') ?? null;
    if (next !== container) {
      container?.removeAttribute('data-drop-active');
      next?.setAttribute('data-drop-active', 'true');
      container = next;
    }
    if (!container) {
      drop = null;
      marker.style.display = 'none';
      return;
    }
    const own = container;
    const notes = [...own.querySelectorAll<HTMLElement>('li[data-note]')].filter(
      (li) => li !== node && li.closest('[data-drop]') === own,
    );
    const rects = notes.map((li) => li.getBoundingClientRect());
    const index = gapIndex(
      rects.map((r) => r.top + r.height / 2),
      pointer.y,
    );
    const list = [...own.querySelectorAll<HTMLElement>('[data-next-hidden]')].find(
      (l) => l.closest('[data-drop]') === own,
    );
    drop = {
      key: own.dataset.drop as string,
      before: beforeAt(
        notes.map((li) => li.dataset.note as string),
        index,
        list?.dataset.nextHidden || null,
      ),
    };
    const box = own.getBoundingClientRect();
    const y =
      rects.length === 0
        ? box.bottom - 8
        : index < rects.length
          ? (rects[index] as DOMRect).top - 4
          : (rects[rects.length - 1] as DOMRect).bottom + 4;
    Object.assign(marker.style, {
      display: 'block',
      left: `${box.left + 6}px`,
      width: `${Math.max(0, box.width - 12)}px`,
      top: `${y - 2}px`,
    });
  }

  /** Near the window's or the wall's edges the view scrolls, so a far column or note can be reached. */
  function autoscroll() {
    if (!active) return;
    const dy = edgeSpeed(pointer.y, 0, window.innerHeight);
    if (dy !== 0) window.scrollBy(0, dy);
    const wall = node.closest<HTMLElement>('[data-wall]');
    let dx = 0;
    if (wall) {
      const box = wall.getBoundingClientRect();
      dx = edgeSpeed(pointer.x, box.left, box.right);
      if (dx !== 0) wall.scrollLeft += dx;
    }
    if (dx !== 0 || dy !== 0) track();
    frame = requestAnimationFrame(autoscroll);
  }

  function onPointerUp(event: PointerEvent) {
    if (!press || event.pointerId !== press.id) return;
    const wasActive = active;
    const done = drop;
    finish();
    if (!wasActive) return;
    // The click that follows a drag is not a press on whatever lies under the pointer.
    const swallow = (e: Event) => {
      e.stopPropagation();
      e.preventDefault();
    };
    window.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallow, true), 0);
    if (done) options.onDrop(done.key, done.before);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !active) return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  }

  function cancel() {
    finish();
  }

  function finish() {
    press = null;
    active = false;
    drop = null;
    cancelAnimationFrame(frame);
    ghost?.remove();
    marker?.remove();
    ghost = marker = null;
    container?.removeAttribute('data-drop-active');
    container = null;
    delete node.dataset.dragging;
    document.body.style.userSelect = '';
    window.removeEventListener('pointermove', onPointerMove);
    window.removeEventListener('pointerup', onPointerUp);
    window.removeEventListener('pointercancel', cancel);
    window.removeEventListener('keydown', onKeyDown, true);
  }

  node.addEventListener('pointerdown', onPointerDown);
  return {
    update(next) {
      options = next;
      if (!next.enabled && press) finish();
    },
    destroy() {
      finish();
      node.removeEventListener('pointerdown', onPointerDown);
    },
  };
}
