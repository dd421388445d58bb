/**
 * A record of words whose every read asks its message anew, so `LABEL[key]` in a template (or a
 * `$derived`) gives the word in the page's language and follows a language switch. Plain values
 * would keep the language of the moment the module loaded.
 */
export function wordsOf<K extends string>(
  messages: Readonly<Record<K, () => string>>,
): Readonly<Record<K, string>> {
  const words = {} as Record<K, string>;
  for (const key of Object.keys(messages) as K[]) {
    Object.defineProperty(words, key, { get: () => messages[key](), enumerable: true });
  }
  return words;
}
