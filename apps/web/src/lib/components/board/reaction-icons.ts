import type { ReactionId } from '@kring/board';
import CircleQuestionMark from '@lucide/svelte/icons/circle-question-mark';
import Handshake from '@lucide/svelte/icons/handshake';
import HandHeart from '@lucide/svelte/icons/hand-heart';
import Heart from '@lucide/svelte/icons/heart';
import Lightbulb from '@lucide/svelte/icons/lightbulb';

/**
 * The reactions' pictures, shipped with the app as inline SVG (issue 15: emoji showed as empty
 * boxes on systems without an emoji font). The ids are the board package's; the pictures are ours.
 * Always decorative: every place that shows one also says the reaction's name in words.
 */
export const REACTION_ICONS: Record<ReactionId, typeof Heart> = {
  heart: Heart,
  thanks: HandHeart,
  'me-too': Handshake,
  idea: Lightbulb,
  question: CircleQuestionMark,
};
