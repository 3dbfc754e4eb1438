// normalizeId for the parsers, which normalise every id they read: most ids are normal already
// ("1.2", "13b"), and for those it returns the id without splitting it or running a regex.
import { normalizeId, type StoryId } from "../ids.js";

/**
 * normalizeId(id). normalizeId rewrites each number as Number() prints it, which changes only a
 * number with a leading zero ("01" → "1") or one too long to print back exactly (15 digits
 * always do); any other part it keeps. So an id whose parts all have at most 15 characters and
 * no leading "0" (a part "0" is fine) is returned as it is. An id with a namespace ("UGM-1.2",
 * "STORY-064") takes the long way: a kind word is dropped there.
 */
export function normalId(id: string): StoryId {
  let start = 0; // of the current part
  for (let i = 0; i <= id.length; i++) {
    const c = i < id.length ? id.charCodeAt(i) : 46;
    if (c === 45) return normalizeId(id); // "-": a namespace, maybe a kind word to drop (STORY-064)
    if (c !== 46) continue; // not "." nor the end
    const length = i - start;
    if (length > 15 || (length > 1 && id.charCodeAt(start) === 48)) return normalizeId(id);
    start = i + 1;
  }
  return id;
}
