/**
 * Naming a sink in a message: an agent or dispatcher whose options disable verification is named
 * with the library option it is passed to (`new https.Agent() used as the axios \`httpsAgent\``).
 */
import type { FileContext } from './file-context.js';
import { destinationsOf } from './options.js';
import { matchApi, type SinkMatch } from './sinks.js';
import { catalogue } from './catalogue/index.js';

/** The sink's label, with the library option the agent is passed to when the file shows it. */
export function describeSink(fc: FileContext, match: SinkMatch): string {
  if (match.row.role !== 'agent') return match.row.label;
  for (const dest of destinationsOf(fc, match.call)) {
    const used = matchApi(fc, dest, catalogue().agentSlots);
    if (used) return `${match.row.label} ${used.row.label}`;
  }
  return match.row.label;
}
