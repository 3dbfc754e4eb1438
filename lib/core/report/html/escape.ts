// Everything a story file, a config or a reviewer wrote reaches the report only through these:
// titles, reasons and findings come from users' files and must never become markup.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for an HTML or SVG text node or a quoted attribute value. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** At most `max` characters, an ellipsis marking the cut (then escaped). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return esc(chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text);
}
