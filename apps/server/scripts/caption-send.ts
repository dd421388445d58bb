/**
 * Posts lines from standard input to a caption URL the way caption software does (one post per
 * line, `seq` resumed from the server, retries), to try a caption URL by hand:
 *
 *   pnpm --filter @kring/server caption:send 'https://…/api/captions/…?sig=…' < words.txt
 */
import { createInterface } from 'node:readline';
import { CaptionSoftware } from '../test/caption-software';

const url = process.argv[2];
if (!url) {
  console.error('usage: caption:send <caption URL> [lang] < lines.txt');
  process.exit(2);
}
const software = new CaptionSoftware(url, process.argv[3] ?? 'en-US');
const from = await software.resume();
console.error(`resuming after seq ${from}`);
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const res = await software.send(line);
  console.error(`seq ${software.seq}: ${res.status} ${res.status === 200 ? '' : res.body}`);
}
