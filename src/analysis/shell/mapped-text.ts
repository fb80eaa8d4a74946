/**
 * Text decoded from a file (a JSON string, a YAML scalar, a Dockerfile instruction joined across
 * line continuations, a shell word) together with where each of its characters came from, so a
 * finding inside it is reported at its exact place in the file and a suggestion removes exactly
 * the source characters of what it removes.
 */
export interface MappedText {
  readonly text: string;
  /**
   * `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` is the source offset
   * just after the last character. Increasing.
   */
  readonly offsets: readonly number[];
}

/** Text copied verbatim from the source at `start`. */
export function verbatim(text: string, start = 0): MappedText {
  const offsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = start + i;
  return { text, offsets };
}

/** The source range `[start, end)` of the decoded characters `[from, to)`. */
export function sourceRange(m: MappedText, from: number, to: number): [number, number] {
  const start = m.offsets[from] ?? m.offsets[m.offsets.length - 1] ?? 0;
  if (to <= from) return [start, start];
  // The end is where the character after the last one starts (covers a whole escape sequence).
  const end = m.offsets[to] ?? m.offsets[m.offsets.length - 1] ?? start;
  return [start, Math.max(end, start + 1)];
}

/** Builds a `MappedText` one character at a time. */
export class MappedTextBuilder {
  private text = '';
  private readonly offsets: number[] = [];
  private end: number | undefined;

  /** `chars` decoded from the `sourceLength` source characters at `sourceOffset` (an escape sequence, say). */
  push(chars: string, sourceOffset: number, sourceLength = 1): void {
    for (let i = 0; i < chars.length; i++) this.offsets.push(sourceOffset);
    this.text += chars;
    this.end = sourceOffset + sourceLength;
  }

  /** Characters copied from the source, each at its own offset. */
  pushVerbatim(chars: string, sourceOffset: number): void {
    for (let i = 0; i < chars.length; i++) this.offsets.push(sourceOffset + i);
    this.text += chars;
    this.end = sourceOffset + chars.length;
  }

  get length(): number {
    return this.text.length;
  }

  /** The end sentinel is just after the last character's source (or `emptyOffset` when there is none). */
  finish(emptyOffset: number): MappedText {
    return { text: this.text, offsets: [...this.offsets, this.end ?? emptyOffset] };
  }
}

/** The part `[from, to)` of a mapped text, still mapped to the same source. */
export function sliceMapped(m: MappedText, from: number, to: number): MappedText {
  const offsets = m.offsets.slice(from, to);
  offsets.push(m.offsets[to] ?? m.offsets[m.offsets.length - 1] ?? 0);
  return { text: m.text.slice(from, to), offsets };
}

/** Maps a text decoded from `inner` (offsets into `inner.text`) to `inner`'s source. */
export function compose(outer: MappedText, inner: MappedText): MappedText {
  const offsets = outer.offsets.map((o) => inner.offsets[o] ?? inner.offsets[inner.offsets.length - 1] ?? 0);
  return { text: outer.text, offsets };
}
