/** A DOM document for rendering charts in Node (reports, the server, tests), from linkedom. */
import { parseHTML } from 'linkedom';

export function nodeDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
}
