/** Into a meeting's session: only an http(s) address leaves the page (the server's answer names it). */
export function goToSession(url: string): void {
  const target = new URL(url, location.origin);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('not a web address');
  location.assign(target.href);
}
