import { Lazy } from '$lib/components/lazy.svelte';

/**
 * The hosts' series forms carry the session templates' words in every language: fetched only
 * for hosts (issue 14: a member on a slow phone never waits for forms they cannot use).
 */
export const seriesForm = new Lazy(() => import('./SeriesForm.svelte').then((mod) => mod.default));
export const seriesEditForm = new Lazy(() => import('./SeriesEditForm.svelte').then((mod) => mod.default));
/** Registration settings (with the default consent text in every language) and the lists: hosts only. */
export const registrationSettingsForm = new Lazy(() =>
  import('./RegistrationSettingsForm.svelte').then((mod) => mod.default),
);
export const registrationsPanel = new Lazy(() =>
  import('./RegistrationsPanel.svelte').then((mod) => mod.default),
);
