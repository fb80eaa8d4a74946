/** JSON string literals decoded with the source offset of each character. */
import { MappedTextBuilder, type MappedText } from '../shell/mapped-text.js';

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The value of the JSON string literal `raw` (with its quotes) written at `start`; undefined if invalid. */
export function decodeJsonString(raw: string, start: number): MappedText | undefined {
  if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') return undefined;
  const b = new MappedTextBuilder();
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      b.push(c, start + i);
      continue;
    }
    const e = raw[i + 1] ?? '';
    if (e === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      b.push(String.fromCharCode(parseInt(hex, 16)), start + i, 6);
      i += 5;
    } else if (SIMPLE[e] !== undefined) {
      b.push(SIMPLE[e], start + i, 2);
      i++;
    } else return undefined;
  }
  return b.finish(start + 1);
}
