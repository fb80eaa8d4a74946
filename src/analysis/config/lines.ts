/** Line helpers shared by the line-based config formats. */

export interface Line {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset after the last character, before the line break. */
  readonly end: number;
  /** Offset after the line break (= `end` on the last line without one). */
  readonly next: number;
  readonly text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const rawEnd = nl < 0 ? text.length : nl;
    const end = rawEnd > start && text[rawEnd - 1] === '\r' ? rawEnd - 1 : rawEnd;
    lines.push({ start, end, next: nl < 0 ? text.length : nl + 1, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}
