/**
 * The controls of whoever runs something: the facilitators' agenda, timer, floor and role forms,
 * a room host's floor and timer, the captioner's console. One chunk, fetched by `controls` (see
 * `controls.svelte.ts`) only for people who run something (issue 14: a participant's phone no longer
 * downloads them before the board shows).
 */
export { default as AgendaControls } from '../agenda/AgendaControls.svelte';
export { default as BalanceTable } from '../floor/BalanceTable.svelte';
export { default as CaptionConsole } from '../captions/CaptionConsole.svelte';
export { default as FloorOptions } from '../floor/FloorOptions.svelte';
export { default as RoleForm } from '../people/RoleForm.svelte';
export { default as StartFloor } from '../floor/StartFloor.svelte';
export { default as TimerControls } from '../timer/TimerControls.svelte';
