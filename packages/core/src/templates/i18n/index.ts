import type { Locale } from '@kring/protocol';
import { fr } from './fr';
import { nl } from './nl';
import type { TemplateTexts } from './types';

export * from './types';
export { defaultBoardTitle, defaultHostName, defaultRoomName } from './defaults';

/** S4: the words of the templates and presets in every language but English (English is the data itself). */
export const TEMPLATE_TEXTS: Readonly<Record<Exclude<Locale, 'en'>, TemplateTexts>> = { nl, fr };
